package io.nianbao.store.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.nianbao.store.domain.DocumentPaths;
import io.nianbao.store.domain.TemplateLayout;
import io.nianbao.store.domain.TemplateLayout.Table;

/** One report's tables as a workbook, one sheet per template table, laid out as the template prints them. */
public final class ReportTablesWorkbook {
    private ReportTablesWorkbook() {
    }

    public static void write(Map<String, Object> report, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (Table table : TemplateLayout.of((String) report.get("template"))) {
                Sheet sheet = workbook.createSheet(table.title().substring(0, 2) + table.key());
                int width = table.blocks().stream().mapToInt(block -> block.columns().size()).max().orElse(0);
                Row title = sheet.createRow(0);
                title.createCell(0).setCellValue(report.get("agency") + " " + report.get("year") + "年 " + table.title());
                title.getCell(0).setCellStyle(bold);
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width));
                int rowIndex = 1;
                for (TemplateLayout.Block block : table.blocks()) {
                    Row headings = sheet.createRow(rowIndex++);
                    if (block.heading() != null) {
                        headings.createCell(0).setCellValue(block.heading());
                        headings.getCell(0).setCellStyle(bold);
                    }
                    for (int i = 0; i < block.columns().size(); i++) {
                        headings.createCell(i + 1).setCellValue(block.columns().get(i));
                        headings.getCell(i + 1).setCellStyle(bold);
                    }
                    for (TemplateLayout.Row layoutRow : block.rows()) {
                        Row row = sheet.createRow(rowIndex++);
                        row.createCell(0).setCellValue(layoutRow.label());
                        for (int i = 0; i < layoutRow.cells().size(); i++) {
                            ReportListExport.Cells.set(row.createCell(i + 1),
                                    DocumentPaths.value(report, layoutRow.cells().get(i)));
                        }
                    }
                }
                sheet.setColumnWidth(0, 60 * 256);
            }
            workbook.write(out);
        }
    }
}
