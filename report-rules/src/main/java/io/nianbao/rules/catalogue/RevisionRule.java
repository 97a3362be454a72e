package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.nianbao.rules.History;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;
import io.nianbao.schema.json.RecordMaps;

/**
 * A report for an agency and year already seen, with different content: the report was changed after
 * publication (CASS 2016, 2011). The finding lists every changed value, old → new. The same content under
 * another id (another URL or file) is a duplicate publication, INFO.
 */
public final class RevisionRule extends YearToYearRule {
    public static final String ID = "PUB-CHANGED";
    public static final String DUPLICATE_ID = "PUB-DUP";
    /** Its findings' ids: a revision's, and a duplicate publication's. */
    public static final Set<String> FINDING_IDS = Set.of(ID, DUPLICATE_ID);

    /** What the agency published; not where or how nianbao got and read it. */
    private static final List<String> CONTENT = List.of("title", "titleYear", "periodYear", "publicationDate",
            "template", "active", "applications", "review", "litigationDirect", "litigationAfterReview", "narrative");
    /** The changes listed in the message; the cells list all of them. */
    private static final int LISTED_CHANGES = 10;

    public RevisionRule() {
        super(ID, Severity.WARN);
    }

    @Override
    public Set<String> findingIds() {
        return FINDING_IDS;
    }

    @Override
    public Set<History.Part> reads() {
        return Set.of(History.Part.SAME_YEAR_PREVIOUS);
    }

    @Override
    public List<Finding> evaluate(ParsedReport report, History history) {
        ParsedReport earlier = history.sameYearPrevious();
        if (earlier == null || earlier.getReportId().equals(report.getReportId())) {
            return List.of();
        }
        Map<String, Object> before = RecordMaps.toMap(earlier);
        Map<String, Object> now = RecordMaps.toMap(report);
        Map<String, String> changes = new LinkedHashMap<>();
        for (String field : CONTENT) {
            diff(field, before.get(field), now.get(field), changes);
        }
        if (changes.isEmpty()) {
            return List.of(duplicate(earlier));
        }
        List<String> listed = changes.entrySet().stream().limit(LISTED_CHANGES)
                .map(change -> change.getKey() + ": " + change.getValue()).toList();
        String more = changes.size() > LISTED_CHANGES ? " …(+" + (changes.size() - LISTED_CHANGES) + ")" : "";
        return List.of(Findings.failed(this, new ArrayList<>(changes.keySet()), earlier.getReportId(),
                report.getReportId(),
                "同一机关同一年度的报告发布后被修改（" + changes.size() + " 处）：" + String.join("；", listed) + more,
                "The report for this agency and year was changed after publication (" + changes.size()
                        + " changes): " + String.join("; ", listed) + more));
    }

    private Finding duplicate(ParsedReport earlier) {
        String url = earlier.getSource().getUrl();
        return Finding.newBuilder(Findings.failed(this, Severity.INFO, List.of("source.url"), earlier.getReportId(),
                null, "与已收到的报告内容相同（" + (url == null ? earlier.getReportId() : url) + "），为重复发布",
                "Same content as a report already received (" + (url == null ? earlier.getReportId() : url)
                        + "): published more than once"))
                .setRuleId(DUPLICATE_ID)
                .build();
    }

    /** Leaf by leaf, so the finding names the cell that changed, not just the table. */
    private static void diff(String path, Object before, Object now, Map<String, String> changes) {
        if (before instanceof Map<?, ?> a && now instanceof Map<?, ?> b) {
            List<Object> keys = new ArrayList<>(a.keySet());
            b.keySet().stream().filter(key -> !a.containsKey(key)).forEach(keys::add);
            keys.forEach(key -> diff(path + "." + key, a.get(key), b.get(key), changes));
        } else if (before instanceof List<?> a && now instanceof List<?> b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), changes);
            }
        } else if (!Objects.equals(before, now)) {
            changes.put(path, shorten(before) + " → " + shorten(now));
        }
    }

    private static String shorten(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
