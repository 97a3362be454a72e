package io.nianbao.store.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.nianbao.store.domain.DocumentPaths;
import io.nianbao.store.domain.KeyFigure;
import io.nianbao.store.domain.ReportDocuments;

/**
 * A column of an exported report list: its Chinese heading, the stored fields it reads (what the export's
 * projection must include) and its value in a stored report.
 */
record ListColumn(String heading, List<String> reads, Function<Map<String, Object>, Object> value) {
    private static final Map<String, String> STATUS_ZH = Map.of("consistent", "一致", "errors", "有错误",
            "warnings", "有警告", "needsReview", "需人工核查");

    static final List<ListColumn> ALL = all();

    /** The fields every column reads: an array cell {@code a.b[6]} needs the array {@code a.b}. */
    static final List<String> FIELDS = ALL.stream().flatMap(column -> column.reads().stream())
            .map(path -> path.replaceAll("\\[\\d+]$", "")).distinct().toList();

    private static List<ListColumn> all() {
        List<ListColumn> columns = new ArrayList<>(List.of(
                path("机关名称", "agency"),
                path("年度", "year"),
                path("模板", "template"),
                path("省", "division.provinceName"),
                path("市", "division.cityName"),
                path("县（区）", "division.countyName"),
                path("行政区划代码", "provinceCode"),
                new ListColumn("核查结果", List.of(ReportDocuments.STATUS),
                        report -> STATUS_ZH.getOrDefault(report.get(ReportDocuments.STATUS),
                                (String) report.get(ReportDocuments.STATUS))),
                path("告警数", "alertCount")));
        for (KeyFigure figure : KeyFigure.values()) {
            columns.add(new ListColumn(figure.labelZh(), figure.cells(), figure::of));
        }
        columns.add(path("来源", "source.url"));
        columns.add(path("报告编号", "reportId"));
        return List.copyOf(columns);
    }

    private static ListColumn path(String heading, String path) {
        return new ListColumn(heading, List.of(path), report -> DocumentPaths.value(report, path));
    }
}
