package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * The agency's division is named as it was not in the report year (孟津县 in a 2021-or-later report, after it
 * became 孟津区). The parser resolves the name with the gazetteer's 2020 and 2023 tables and says so in a warning,
 * which is what this rule reads: the rules need no gazetteer of their own.
 */
public final class DivisionStaleRule extends CatalogueRule {
    public static final String ID = "DIV-STALE";

    private static final Pattern NOT_IN_USE = Pattern.compile(
            "Division: (?<name>\\S+) \\((?<code>\\d+)\\) is not a name in use in (?<year>\\d{4})(?: by the NBS tables"
                    + " \\(they have it (?<span>[^)]*)\\))?");

    public DivisionStaleRule() {
        super(ID, Severity.INFO);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        List<Finding> findings = new ArrayList<>();
        for (String warning : report.getWarnings()) {
            Matcher stale = NOT_IN_USE.matcher(warning);
            if (stale.find()) {
                String name = stale.group("name") + " (" + stale.group("code") + ")";
                String span = stale.group("span") == null ? "" : "；区划代码表中" + stale.group("span");
                findings.add(Findings.failed(this, List.of("division"), "a division name in use in " + stale.group("year"),
                        name, name + " 不是 " + stale.group("year") + " 年使用的区划名称" + span,
                        name + " is not a division name in use in " + stale.group("year")
                                + (stale.group("span") == null ? "" : " (the NBS tables have it " + stale.group("span") + ")")));
            }
        }
        return findings;
    }
}
