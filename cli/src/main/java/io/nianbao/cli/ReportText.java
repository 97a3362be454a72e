package io.nianbao.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.json.RecordMaps;
import io.nianbao.template.CellPath;
import io.nianbao.template.Table;
import io.nianbao.template.Template;

/**
 * A parsed report as a person reads the template: its tables with the template's Chinese labels, aligned; a value
 * that could not be read shows as 「—」, never as 0.
 */
final class ReportText {
    static final String NOT_READ = "—";
    /** Marks a cell the parser filled from the template's identities rather than read. */
    static final String INFERRED = "*";

    private ReportText() {
    }

    static String render(String file, ParsedReport parsed) {
        Map<String, Object> report = RecordMaps.toMap(parsed);
        Set<String> inferred = Set.copyOf(parsed.getCompleteness().getInferredCells());
        StringBuilder text = new StringBuilder();
        text.append("== ").append(file).append(" ==\n");
        text.append("机关: ").append(orDash(parsed.getAgency())).append("    年度: ").append(orDash(parsed.getYear()))
                .append("    模板: ").append(orDash(parsed.getTemplate())).append('\n');
        text.append("区划: ").append(division(parsed)).append('\n');
        var completeness = parsed.getCompleteness();
        text.append("读出: ").append(completeness.getCellsRead()).append('/').append(completeness.getCellsExpected())
                .append(" 单元格; 表格 ").append(completeness.getTablesFound()).append('\n');

        for (Table table : Template.orCurrent(parsed.getTemplate()).tables()) {
            text.append('\n').append(table.title()).append('\n');
            for (Table.Block block : table.blocks()) {
                List<List<String>> rows = new ArrayList<>();
                for (Table.Row row : block.rows()) {
                    List<String> cells = new ArrayList<>();
                    cells.add(row.fullLabel());
                    for (CellPath cell : row.cells()) {
                        Object value = at(report, cell.path());
                        cells.add(orDash(value) + (value != null && inferred.contains(cell.path()) ? INFERRED : ""));
                    }
                    rows.add(cells);
                }
                text.append(SummaryTable.render(prepend(block.heading() == null ? "" : block.heading(),
                        block.columns()), rows));
            }
        }

        if (!inferred.isEmpty()) {
            text.append(INFERRED).append(" 由表内恒等关系推出, 非原文所印 (inferred from the template's identities)\n");
        }
        text.append("\n警告 (").append(parsed.getWarnings().size()).append(")\n");
        parsed.getWarnings().forEach(warning -> text.append("- ").append(warning).append('\n'));
        return text.append('\n').toString();
    }

    private static String division(ParsedReport parsed) {
        var division = parsed.getDivision();
        List<String> names = Stream.of(division.getProvinceName(), division.getCityName(), division.getCountyName(),
                division.getTownName()).filter(name -> name != null).toList();
        String code = Stream.of(division.getTownCode(), division.getCountyCode(), division.getCityCode(),
                division.getProvinceCode()).filter(value -> value != null).findFirst().orElse(null);
        String located = names.isEmpty() ? "" : String.join(" ", names) + " (" + code + ") ";
        String candidates = division.getCandidates().isEmpty() ? "" : " 候选 " + division.getCandidates();
        return located + "[" + division.getStatus() + "]" + candidates;
    }

    /**
     * The value at a cell path ({@code active.fees.amountWan}, {@code applications.granted[6]}) of the report's
     * canonical map, or null where any step is missing.
     */
    private static Object at(Map<String, Object> report, String path) {
        Object value = report;
        for (String step : path.split("\\.")) {
            int index = step.indexOf('[');
            value = value instanceof Map<?, ?> map ? map.get(index < 0 ? step : step.substring(0, index)) : null;
            if (index >= 0) {
                int position = Integer.parseInt(step.substring(index + 1, step.length() - 1));
                value = value instanceof List<?> list && position < list.size() ? list.get(position) : null;
            }
        }
        return value;
    }

    static String orDash(Object value) {
        if (value == null) {
            return NOT_READ;
        }
        if (value instanceof Double number) {
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
