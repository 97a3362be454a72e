package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.List;

import io.nianbao.schema.Finding;
import io.nianbao.schema.ParseNote;
import io.nianbao.schema.ParseNoteCode;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * The agency's division is named as it was not in the report year (孟津县 in a 2021-or-later report, after it
 * became 孟津区). The parser resolves the name with the gazetteer's 2020 and 2023 tables and says so in a
 * {@code DIVISION_STALE} note, which is what this rule reads: the rules need no gazetteer of their own.
 */
public final class DivisionStaleRule extends CatalogueRule {
    public static final String ID = "DIV-STALE";

    public DivisionStaleRule() {
        super(ID, Severity.INFO);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        List<Finding> findings = new ArrayList<>();
        for (ParseNote note : report.getNotes()) {
            if (ParseNoteCode.DIVISION_STALE.marks(note)) {
                String name = note.getPrinted();
                findings.add(Findings.failed(this, List.of(note.getCell()), "a division name in use in "
                        + report.getYear(), name, name + " 不是 " + report.getYear() + " 年使用的区划名称",
                        note.getMessage()));
            }
        }
        return findings;
    }
}
