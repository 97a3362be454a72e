package io.nianbao.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nianbao.schema.Applications;
import io.nianbao.schema.CaseOutcomes;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.json.RecordMaps;
import io.nianbao.template.ApplicationRow;
import io.nianbao.template.Template;

/** Which of DOMAIN.md §1.6's identities (and the prose/title/template checks) a truth breaks, by rule id. */
final class Identities {
    private static final Pattern ITEM = Pattern.compile("(\\d+) 条");
    private static final Pattern ITEMS_TOTAL = Pattern.compile("累计公开信息 (\\d+) 条");
    private static final Pattern RECEIVED = Pattern.compile("收到政府信息公开申请(\\d+)件");

    private Identities() {
    }

    static Set<String> broken(ParsedReport report) {
        Set<String> broken = new TreeSet<>();
        Applications table = report.getApplications();
        String template = report.getTemplate();
        for (int c = 0; c < 7; c++) {
            int column = c;
            int in = cell(table, ApplicationRow.NEW_APPLICATIONS, c) + cell(table, ApplicationRow.CARRIED_OVER, c);
            int out = cell(table, ApplicationRow.TOTAL_PROCESSED, c) + cell(table, ApplicationRow.CARRIED_FORWARD, c);
            if (in != out) {
                broken.add("S3-BALANCE");
            }
            int results = Template.orCurrent(template).resultRows().stream()
                    .mapToInt(row -> cell(table, row, column)).sum();
            if (results != cell(table, ApplicationRow.TOTAL_PROCESSED, c)) {
                broken.add("S3-RESULTS");
            }
        }
        for (ApplicationRow row : Template.orCurrent(template).applicationRows()) {
            List<Integer> cells = row.valuesIn(table);
            if (cells.subList(0, 6).stream().mapToInt(Integer::intValue).sum() != cells.get(6)) {
                broken.add("S3-ROWTOTAL");
            }
        }
        for (CaseOutcomes group : List.of(report.getReview(), report.getLitigationDirect(),
                report.getLitigationAfterReview())) {
            if (group.getUpheld() + group.getCorrected() + group.getOther() + group.getPending() != group.getTotal()) {
                broken.add("S4-TOTAL");
            }
        }
        if (negativeCount(report)) {
            broken.add("NUM-DOMAIN");
        }
        String overview = report.getNarrative().getOverview();
        int received = cell(table, ApplicationRow.NEW_APPLICATIONS, 6);
        Matcher said = RECEIVED.matcher(overview);
        if (said.find() && Integer.parseInt(said.group(1)) != received) {
            broken.add("PROSE-COUNT");
        }
        if (overview.contains("未收到政府信息公开申请") && received > 0) {
            broken.add("PROSE-NONE");
        }
        Matcher total = ITEMS_TOTAL.matcher(overview);
        if (!total.find()) {
            throw new AssertionError("no 累计公开信息 in " + overview);
        }
        String listed = overview.substring(overview.indexOf("具体包括"), total.start());
        Matcher item = ITEM.matcher(listed);
        int sum = 0;
        while (item.find()) {
            sum += Integer.parseInt(item.group(1));
        }
        if (sum != Integer.parseInt(total.group(1))) {
            broken.add("PROSE-SUM");
        }
        if (!report.getTitleYear().equals(report.getPeriodYear())) {
            broken.add("YR-TITLE-PERIOD");
        }
        if (!template.equals(report.getYear() <= 2020 ? "2019" : "2021")) {
            broken.add("TPL-YEAR");
        }
        return broken;
    }

    /** Counts are never negative; only the 2019 template's 本年增/减 is signed. */
    private static boolean negativeCount(ParsedReport report) {
        List<Object> leaves = new ArrayList<>();
        for (String field : List.of("applications", "review", "litigationDirect", "litigationAfterReview")) {
            collect(RecordMaps.toMap(report).get(field), leaves);
        }
        return leaves.stream().anyMatch(value -> value instanceof Integer number && number < 0);
    }

    private static void collect(Object value, List<Object> leaves) {
        if (value instanceof java.util.Map<?, ?> map) {
            map.values().forEach(nested -> collect(nested, leaves));
        } else if (value instanceof List<?> list) {
            list.forEach(nested -> collect(nested, leaves));
        } else {
            leaves.add(value);
        }
    }

    private static int cell(Applications table, ApplicationRow row, int column) {
        return row.valuesIn(table).get(column);
    }
}
