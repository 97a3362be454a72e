package io.nianbao.template;

import org.apache.avro.generic.GenericRecord;

import io.nianbao.schema.ParsedReport;

/** A cell of section 二: a row and one of its fields. */
public record ActiveCell(ActiveRow row, ActiveField column) implements CellPath {

    @Override
    public String path() {
        return row.path() + "." + column.field();
    }

    /** The number in the cell; null when unread, and for 采购总金额 as printed (text, not a number). */
    @Override
    public Number valueIn(ParsedReport report) {
        if (report.getActive() == null) {
            return null;
        }
        Object group = report.getActive().get(row.field());
        Object value = group instanceof GenericRecord record && record.getSchema().getField(column.field()) != null
                ? record.get(column.field()) : null;
        return value instanceof Number number ? number : null;
    }

    @Override
    public String toString() {
        return path();
    }
}
