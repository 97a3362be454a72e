package io.nianbao.rules.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

import io.nianbao.rules.Rule;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * No figure of the tables (sections 二, 三, 四) is negative, except the signed 本年增/减 of the 2019 template.
 * An unread (null) cell is simply not a negative number: missing cells are the arithmetic rules' concern.
 */
public final class NonNegativeRule implements Rule {
    public static final String ID = "NUM-DOMAIN";

    private static final List<String> TABLES =
            List.of("active", "applications", "review", "litigationDirect", "litigationAfterReview");
    private static final Set<String> SIGNED_FIELDS = Set.of("change");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        List<Finding> findings = new ArrayList<>();
        // Walked through the schema, so every figure a later schema version adds is covered under its canonical path.
        for (String table : TABLES) {
            walk(table, report.get(table), findings);
        }
        return findings;
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
