package io.nianbao.store.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import io.nianbao.store.domain.KeyFigure;
import io.nianbao.store.domain.ScorecardFacts;
import io.nianbao.store.review.Scorecard;
import io.nianbao.store.review.Scorecard.Entry;
import io.nianbao.store.review.Scorecard.Missing;

/**
 * A province's scorecard as a workbook an oversight office can hand on as it is: a summary sheet, one sheet per
 * city with its agencies, and the agencies that did not publish; headings in Chinese, frozen, filterable.
 */
public final class ScorecardWorkbook {
    private static final String YES = "是";
    private static final String NO = "否";
    private static final String UNKNOWN_CITY = "未识别市";
    private static final Map<String, String> STATUS_ZH = Map.of("consistent", "一致", "errors", "有错误", "warnings",
            "有警告", "needsReview", "需人工核查");

    private record Column<T>(String heading, int width, Function<T, Object> value) {
    }

    /** The sheets' columns: what the scorecard page shows, one heading each. */
    static final List<Column<Entry>> COLUMNS = entryColumns();
    static final List<Column<Missing>> MISSING_COLUMNS = List.of(
            new Column<>("市", 12, Missing::cityName), new Column<>("县（区）", 12, Missing::countyName),
            new Column<>("机关名称", 36, Missing::agency), new Column<>("上年报告编号", 24, Missing::previousReportId));

    private ScorecardWorkbook() {
    }

    private static List<Column<Entry>> entryColumns() {
        List<Column<Entry>> columns = new ArrayList<>(List.of(
                new Column<>("县（区）", 12, Entry::countyName),
                new Column<>("机关名称", 36, Entry::agency),
                new Column<>("核查结果", 12, e -> STATUS_ZH.getOrDefault(e.status(), e.status())),
                new Column<>("发布日期", 12, Entry::publicationDate),
                new Column<>("按期发布", 10, e -> e.late() == null ? "日期不明" : e.late() ? NO : YES),
                new Column<>("章节（共" + ScorecardFacts.SECTIONS + "）", 10, Entry::sectionsFound),
                new Column<>("已读单元格", 10, Entry::cellsRead),
                new Column<>("应读单元格", 10, Entry::cellsExpected),
                new Column<>("内容完整", 10, e -> e.incomplete() ? NO : YES),
                new Column<>("错误", 8, Entry::errors),
                new Column<>("警告", 8, Entry::warnings),
                new Column<>("照搬上年", 10, e -> e.copyPrior() ? YES : NO),
                new Column<>("与他机关雷同", 12, e -> e.copyPeer() ? YES : NO),
                new Column<>("修订次数", 10, Entry::revisions),
                new Column<>("上年核查结果", 12, e -> e.previousStatus() == null ? "上年无报告"
                        : STATUS_ZH.getOrDefault(e.previousStatus(), e.previousStatus()))));
        for (KeyFigure figure : KeyFigure.values()) {
            columns.add(new Column<>(figure.labelZh(), 14, e -> e.figures().get(figure.key())));
            columns.add(new Column<>(figure.labelZh() + "（较上年）", 14, e -> e.figureChanges().get(figure.key())));
        }
        return List.copyOf(columns);
    }

    public static void write(Scorecard scorecard, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            CellStyle heading = headingStyle(workbook);
            Sheet summary = workbook.createSheet("汇总");
            Scorecard.Summary counts = scorecard.summary();
            Object[][] lines = { { "省份", scorecard.provinceName() == null ? "" : scorecard.provinceName() },
                    { "省份代码", scorecard.provinceCode() }, { "年度", scorecard.year() },
                    { "报告数", counts.reports() }, { "逾期发布", counts.late() }, { "内容不完整", counts.incomplete() },
                    { "有错误", counts.withErrors() }, { "疑照搬", counts.copied() }, { "上年发布、本年未发布", counts.missing() } };
            for (int i = 0; i < lines.length; i++) {
                Row row = summary.createRow(i);
                row.createCell(0).setCellValue(lines[i][0].toString());
                row.getCell(0).setCellStyle(heading);
                ReportListExport.Cells.set(row.createCell(1), lines[i][1]);
            }
            summary.setColumnWidth(0, 24 * 256);
            Map<String, List<Entry>> byCity = new LinkedHashMap<>();
            scorecard.entries().forEach(e -> byCity.computeIfAbsent(cityLabel(e.cityName(), e.cityCode()),
                    c -> new ArrayList<>()).add(e));
            List<String> used = new ArrayList<>(List.of("汇总"));
            byCity.forEach((city, entries) -> sheet(workbook, sheetName(city, used), heading, COLUMNS, entries));
            sheet(workbook, sheetName("上年发布本年未发布", used), heading, MISSING_COLUMNS, scorecard.missing());
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static <T> void sheet(SXSSFWorkbook workbook, String name, CellStyle heading, List<Column<T>> columns,
            List<T> rows) {
        SXSSFSheet sheet = workbook.createSheet(name);
        Row headings = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            headings.createCell(i).setCellValue(columns.get(i).heading());
            headings.getCell(i).setCellStyle(heading);
            sheet.setColumnWidth(i, columns.get(i).width() * 256);
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int i = 0; i < columns.size(); i++) {
                ReportListExport.Cells.set(row.createCell(i), columns.get(i).value().apply(rows.get(r)));
            }
        }
        sheet.createFreezePane(2, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows.size(), 1), 0, columns.size() - 1));
    }

    private static CellStyle headingStyle(SXSSFWorkbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setBorderBottom(BorderStyle.THIN);
        return style;
    }

    private static String cityLabel(String name, String code) {
        return name != null ? name : code != null ? code : UNKNOWN_CITY;
    }

    /** Excel's rules: at most 31 characters, none of []:*?/\, unique (case aside). */
    private static String sheetName(String wanted, List<String> used) {
        String name = WorkbookUtil.createSafeSheetName(wanted);
        String unique = name;
        for (int n = 2; used.stream().anyMatch(unique::equalsIgnoreCase); n++) {
            String suffix = "（" + n + "）";
            unique = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
        }
        used.add(unique);
        return unique;
    }
}
