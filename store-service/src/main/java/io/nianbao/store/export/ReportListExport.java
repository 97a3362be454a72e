package io.nianbao.store.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** A filtered report list as CSV or .xlsx, written as the reports stream in (no list held in memory). */
public final class ReportListExport {
    /** Excel opens UTF-8 CSV as such only with a byte-order mark. */
    private static final String BOM = "\uFEFF";

    private ReportListExport() {
    }

    /** The stored fields the columns read: an export reads only these. */
    public static List<String> fields() {
        return ListColumn.FIELDS;
    }

    public static void csv(Consumer<Consumer<Map<String, Object>>> reports, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(BOM);
        writeCsvLine(writer, ListColumn.ALL.stream().map(ListColumn::heading).toList());
        reports.accept(report -> {
            try {
                writeCsvLine(writer, ListColumn.ALL.stream().map(c -> c.value().apply(report)).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.flush();
    }

    public static void xlsx(Consumer<Consumer<Map<String, Object>>> reports, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("年度报告");
            Row headings = sheet.createRow(0);
            for (int i = 0; i < ListColumn.ALL.size(); i++) {
                headings.createCell(i).setCellValue(ListColumn.ALL.get(i).heading());
            }
            int[] next = { 1 };
            reports.accept(report -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < ListColumn.ALL.size(); i++) {
                    Cells.set(row.createCell(i), ListColumn.ALL.get(i).value().apply(report));
                }
            });
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static void writeCsvLine(Writer writer, List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(csvField(values.get(i)));
        }
        writer.write("\r\n");
    }

    /**
     * RFC 4180 quoting; a text starting with =, +, - or @ is prefixed with ' so a spreadsheet does not run it as
     * a formula (agency names and URLs come from uploaded documents).
     */
    static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** Cell values typed as numbers where they are numbers; null stays an empty cell, never 0. */
    static final class Cells {
        private Cells() {
        }

        static void set(Cell cell, Object value) {
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value != null) {
                cell.setCellValue(value.toString());
            }
        }
    }
}
