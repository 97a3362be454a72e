package io.nianbao.parser.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.nianbao.parser.ParseNotes;
import io.nianbao.template.ApplicantColumn;
import io.nianbao.template.ApplicationCell;
import io.nianbao.template.ApplicationRow;
import io.nianbao.template.Identity;
import io.nianbao.schema.ParseNoteCode;

/**
 * Section 三 printed column by column ({@link ColumnWiseBlock}). A block is rebuilt into rows only when it holds
 * exactly rows × 7 numbers for the rows its labels list, every rebuilt row's total is the sum of its six applicant
 * columns, the same numbers read row after row do not also satisfy that (which order was printed would then be a
 * guess), and, when all four of its rows were rebuilt, 新收 + 上年结转 = 总计 + 结转下年度 holds in every column.
 * Otherwise its rows stay null with a {@code COLUMN_ORDER_UNREAD} note: nothing is shifted.
 */
final class ColumnWiseApplications {
    /** Column headings and their pieces (「商 业 企」「构」「总计」): never a row, though 「总计」 alone reads as one. */
    private static final List<String> COLUMN_HEADINGS = List.of("自然人", "法人或其他组织", "商业企业", "科研机构",
            "社会公益组织", "法律服务机构", "其他", "总计", "申请人情况");
    /** A row label split over lines is joined with the lines before it, never further back than this. */
    private static final int MAX_PENDING_LABEL = 60;

    private ColumnWiseApplications() {
    }

    /** @return the section's blocks, or empty when it is not printed column by column */
    static Optional<List<ColumnWiseBlock>> blocks(String sectionText) {
        return ColumnWiseBlock.of(sectionText, labels -> !listedRows(labels).isEmpty());
    }

    static ApplicationsTable read(List<ColumnWiseBlock> blocks, ParseNotes notes) {
        List<List<ApplicationRow>> listed = blocks.stream().map(block -> listedRows(block.labels()))
                .collect(Collectors.toCollection(ArrayList::new));
        // 2021 prints （六）其他处理 as the group label of its three items; it is a row only in a 2019 table.
        if (listed.stream().flatMap(List::stream).anyMatch(ApplicationRow.OTHER_HANDLING_ITEMS::contains)) {
            listed.replaceAll(rows -> rows.stream().filter(row -> row != ApplicationRow.OTHER_TOTAL).toList());
        }
        Map<ApplicationRow, List<Integer>> rebuilt = new EnumMap<>(ApplicationRow.class);
        for (int b = 0; b < blocks.size(); b++) {
            rebuild(blocks.get(b), listed.get(b), notes).forEach(rebuilt::putIfAbsent);
        }
        boolean balanceChecked = Identity.columnBalance(ApplicantColumn.TOTAL).cells().stream()
                .allMatch(cell -> rebuilt.containsKey(((ApplicationCell) cell).row()));
        List<String> broken = balanceChecked ? brokenColumns(rebuilt) : List.of();
        if (!broken.isEmpty()) {
            notes.note(ParseNoteCode.COLUMN_ORDER_UNREAD, "applications", null, ParseNoteCode.COLUMN_ORDER_UNREAD
                    + " applications: section 三 printed column by column"
                    + " rebuilds into rows that break 新收 + 上年结转 = 总计 + 结转下年度 (" + String.join(", ", broken)
                    + "); which cell is off cannot be told, so the section's cells are null.");
            rebuilt.clear();
        }
        // Rows listed but not rebuilt were found: they stay in the table, null, so nothing infers or reports them lost.
        ApplicationsTable table = new ApplicationsTable();
        List<Integer> unread = Arrays.asList(new Integer[ApplicationRow.COLUMNS]);
        listed.stream().flatMap(List::stream).forEach(row -> table.read(row, rebuilt.getOrDefault(row, unread)));
        if (rebuilt.isEmpty()) {
            return table;
        }
        table.rebuiltFromColumns();
        notes.read(rebuilt.size() * ApplicationRow.COLUMNS);
        notes.note(ParseNoteCode.COLUMN_ORDER_REBUILT, "applications", null, ParseNoteCode.COLUMN_ORDER_REBUILT
                + " applications: section 三 was printed column by column"
                + " (row labels, then the cells one column after another); " + rebuilt.size() + " rows in "
                + blocks.size() + " blocks were rebuilt, each block holding rows × 7 numbers with every row total"
                + " holding" + (balanceChecked ? " and every column balancing." : "; the column balance could not be"
                        + " checked, as not all of its rows were rebuilt."));
        return table;
    }

    /** @return the block's rows with their cells, or none (warned) when the block does not rebuild */
    private static Map<ApplicationRow, List<Integer>> rebuild(ColumnWiseBlock block, List<ApplicationRow> rows,
            ParseNotes notes) {
        Map<ApplicationRow, List<Integer>> cells = new EnumMap<>(ApplicationRow.class);
        String unread = ParseNoteCode.COLUMN_ORDER_UNREAD + " applications: a block of " + block.numbers().size()
                + " numbers printed column by column";
        if (rows.isEmpty()) {
            notes.note(ParseNoteCode.COLUMN_ORDER_UNREAD, "applications", null, unread + " follows no recognisable row label; it was skipped.");
            return cells;
        }
        String listing = " after the labels of " + rows.size() + " rows (" + paths(rows) + ")";
        int expected = rows.size() * ApplicationRow.COLUMNS;
        if (block.numbers().size() != expected) {
            notes.note(ParseNoteCode.COLUMN_ORDER_UNREAD, "applications", null, unread + listing + " is not " + rows.size() + " × 7 = " + expected + "; a cell lost or one too"
                    + " many cannot be placed, so those rows are null.");
            return cells;
        }
        if (!block.numbers().stream().allMatch(number -> TableLine.count(number) != null)) {
            notes.note(ParseNoteCode.COLUMN_ORDER_UNREAD, "applications", null, unread + listing + " holds a cell that is no count; those rows are null.");
            return cells;
        }
        List<List<Integer>> columnMajor = counts(block.columnMajor(rows.size(), ApplicationRow.COLUMNS, 0));
        List<String> broken = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (!DigitRuns.rowTotal(columnMajor.get(r))) {
                broken.add(rows.get(r).key());
            }
        }
        if (!broken.isEmpty()) {
            notes.note(ParseNoteCode.COLUMN_ORDER_UNREAD, "applications", null, unread + listing + " rebuilds into rows whose total is not the sum of their six columns ("
                    + String.join(", ", broken) + "); those rows are null.");
            return cells;
        }
        List<List<Integer>> rowMajor = counts(block.rowMajor(rows.size(), ApplicationRow.COLUMNS));
        if (!rowMajor.equals(columnMajor) && rowMajor.stream().allMatch(DigitRuns::rowTotal)) {
            notes.note(ParseNoteCode.COLUMN_ORDER_UNREAD, "applications", null, unread + listing + " satisfies the row totals read row after row as well as column after"
                    + " column; which order was printed cannot be told, so those rows are null.");
            return cells;
        }
        for (int r = 0; r < rows.size(); r++) {
            cells.put(rows.get(r), columnMajor.get(r));
        }
        return cells;
    }

    /**
     * The rows a block's labels name, in order, each once. A label split over lines (「1、申请人无正当理由逾期不补」
     * 「正、行政机关不再处理…」) is matched joined with the unmatched lines before it; column headings are skipped.
     */
    static List<ApplicationRow> listedRows(List<String> labels) {
        List<ApplicationRow> rows = new ArrayList<>();
        String pending = "";
        for (String label : labels) {
            if (isColumnHeading(label)) {
                pending = "";
                continue;
            }
            String joined = pending + label;
            Optional<ApplicationRow> row = ApplicationRow.recognise(label).or(() -> ApplicationRow.recognise(joined));
            if (row.isPresent()) {
                if (!rows.contains(row.get())) {
                    rows.add(row.get());
                }
                pending = "";
            } else {
                pending = joined.substring(Math.max(0, joined.length() - MAX_PENDING_LABEL));
            }
        }
        return rows;
    }

    private static boolean isColumnHeading(String label) {
        for (String heading : COLUMN_HEADINGS) {
            if (heading.contains(label)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> brokenColumns(Map<ApplicationRow, List<Integer>> rows) {
        List<String> broken = new ArrayList<>();
        for (ApplicantColumn column : ApplicantColumn.values()) {
            Identity.Check balance = Identity.columnBalance(column).check(path -> {
                ApplicationCell cell = (ApplicationCell) path;
                return rows.get(cell.row()).get(cell.column().ordinal());
            });
            if (balance.broken()) {
                broken.add("column " + column.ordinal() + ": " + balance.left() + " ≠ " + balance.right());
            }
        }
        return broken;
    }

    private static List<List<Integer>> counts(List<List<String>> rows) {
        return rows.stream().map(row -> row.stream().map(TableLine::count).toList()).toList();
    }

    private static String paths(List<ApplicationRow> rows) {
        return rows.stream().map(ApplicationRow::key).collect(Collectors.joining(", "));
    }
}
