package io.nianbao.rules.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

import io.nianbao.schema.Finding;
import io.nianbao.schema.ParseNote;
import io.nianbao.schema.ParseNoteCode;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * Counts are non-negative integers: no figure of the tables (sections 二, 三, 四) is negative, except the signed
 * 本年增/减 of the 2019 template; and no count cell printed 「12.5」 or 「-2」. The parser keeps such a count cell
 * null with a {@code NON_INTEGER_COUNT} note (the cell's path and what was printed), which is what this rule
 * reads. An unread (null) cell is otherwise no number at all: missing cells are the arithmetic rules' concern.
 */
public final class NumberDomainRule extends CatalogueRule {
    public static final String ID = "NUM-DOMAIN";

    private static final List<String> TABLES =
            List.of("active", "applications", "review", "litigationDirect", "litigationAfterReview");
    private static final Set<String> SIGNED_FIELDS = Set.of("change");

    public NumberDomainRule() {
        super(ID, Severity.ERROR);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        List<Finding> findings = new ArrayList<>();
        // Walked through the schema, so every figure a later schema version adds is covered under its canonical path.
        for (String table : TABLES) {
            walk(table, report.get(table), findings);
        }
        for (ParseNote note : report.getNotes()) {
            if (ParseNoteCode.NON_INTEGER_COUNT.marks(note)) {
                findings.add(notACount(note.getCell(), note.getPrinted()));
            }
        }
        return findings;
    }

    private Finding notACount(String path, String printed) {
        String shown = printed == null ? "?" : printed;
        return Findings.failed(this, List.of(path), "a non-negative integer", printed,
                path + " 印为 " + shown + "：件数、条数必须为非负整数",
                path + " is printed as " + shown + ": counts must be non-negative integers");
    }

    private void walk(String path, Object value, List<Finding> findings) {
        if (value instanceof IndexedRecord record) {
            for (Schema.Field field : record.getSchema().getFields()) {
                if (!SIGNED_FIELDS.contains(field.name())) {
                    walk(path + "." + field.name(), record.get(field.pos()), findings);
                }
            }
        } else if (value instanceof List<?> cells) {
            for (int i = 0; i < cells.size(); i++) {
                walk(path + "[" + i + "]", cells.get(i), findings);
            }
        } else if (value instanceof Number number && number.doubleValue() < 0) {
            String found = number instanceof Double d ? BigDecimal.valueOf(d).toPlainString() : number.toString();
            findings.add(Findings.failed(this, List.of(path), ">= 0", found,
                    path + " 为 " + found + "：表格中的数值不能为负数",
                    path + " is " + found + ": table figures cannot be negative"));
        }
    }
}
