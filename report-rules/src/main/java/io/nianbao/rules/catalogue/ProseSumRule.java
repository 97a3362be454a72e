package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;

/**
 * 「累计/共公开信息 N 条」 against the sum of the 「… n 条」 items the same sentence lists, before the total or after
 * it (「共公开 37 条，其中工作报告 1 条、…」). A sentence that lists fewer than two items is not an itemisation.
 */
public final class ProseSumRule extends CatalogueRule {
    public static final String ID = "PROSE-SUM";

    // The lookahead skips a position no alternative starts at in one test (BENCHMARKS "The prose rules' alternations").
    private static final Pattern TOTAL =
            Pattern.compile("(?=[累共合总])(?:累计|共计|合计|总计|共)(?:主动)?(?:公开|发布)[^。；，,\\d]{0,10}?(\\d+)条");
    private static final Pattern ITEM = Pattern.compile("(\\d+)条");

    public ProseSumRule() {
        super(ID, Severity.WARN);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report) {
        List<Finding> findings = new ArrayList<>();
        for (String sentence : ReportProse.sentences(ReportProse.narrative(report))) {
            Matcher total = TOTAL.matcher(sentence);
            if (!total.find()) {
                continue;
            }
            List<Integer> items = items(sentence.substring(0, total.start()));
            if (items.size() < 2) {
                items = items(sentence.substring(total.end()));
            }
            if (items.size() < 2) {
                continue;
            }
            int stated = Integer.parseInt(total.group(1));
            int sum = items.stream().mapToInt(Integer::intValue).sum();
            if (sum != stated) {
                findings.add(Findings.failed(this, ReportProse.NARRATIVE_CELLS, Integer.toString(sum),
                        Integer.toString(stated),
                        "正文所列各项之和为 " + sum + " 条，但称共公开 " + stated + " 条：「" + sentence + "」",
                        "The items listed add up to " + sum + " but the text states a total of " + stated));
            }
        }
        return findings;
    }

    private static List<Integer> items(String text) {
        List<Integer> items = new ArrayList<>();
        Matcher item = ITEM.matcher(text);
        while (item.find()) {
            items.add(Integer.parseInt(item.group(1)));
        }
        return items;
    }
}
