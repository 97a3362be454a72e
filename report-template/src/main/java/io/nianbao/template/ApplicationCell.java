package io.nianbao.template;

import java.util.List;

import io.nianbao.schema.ParsedReport;

/** A cell of section 三: a row and one of its seven columns. */
public record ApplicationCell(ApplicationRow row, ApplicantColumn column) implements CellPath {

    @Override
    public String path() {
        return row.path() + "[" + column.ordinal() + "]";
    }

    @Override
    public Integer valueIn(ParsedReport report) {
        List<Integer> cells = row.valuesIn(report.getApplications());
        return cells == null || cells.size() <= column.ordinal() ? null : cells.get(column.ordinal());
    }

    @Override
    public String toString() {
        return path();
    }
}
