package io.nianbao.parser.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nianbao.parser.ParseNotes;
import io.nianbao.template.ApplicationCell;
import io.nianbao.template.ApplicationRow;
import io.nianbao.template.Identity;
import io.nianbao.template.Template;

/**
 * Reads section 三 row by row, by label, or, when every figure stands alone on its line, column by column
 * ({@link ColumnWiseApplications}). A row whose numbers are fewer (or more) than the 7 columns keeps null
 * cells: which column lost its number cannot be told from the text, and shifting would put counts under the wrong
 * applicant type.
 */
public final class ApplicationsReader {
    /** A label split over lines is carried to the next numeric line, but never further than this. */
    private static final int MAX_PENDING_LABEL = 120;

    private ApplicationsReader() {
    }

    public static ApplicationsTable read(String sectionText, ParseNotes notes) {
        Optional<List<ColumnWiseBlock>> columnWise = ColumnWiseApplications.blocks(sectionText);
        if (columnWise.isPresent()) {
            return ColumnWiseApplications.read(columnWise.get(), notes);
        }
        ApplicationsTable table = new ApplicationsTable();
        // Rows as printed, in order; an unlabelled line is null here, its numbers in unlabelled.
        List<ApplicationRow> printedOrder = new ArrayList<>();
        Map<Integer, List<String>> unlabelled = new HashMap<>();
        String pending = "";
        for (String line : sectionText.split("\n")) {
            TableLine cells = TableLine.of(line);
            if (!cells.hasNumbers()) {
                pending = (pending + cells.label());
                pending = pending.substring(Math.max(0, pending.length() - MAX_PENDING_LABEL));
                continue;
            }
            String carried = pending;
            pending = "";
            Optional<ApplicationRow> row = ApplicationRow.recognise(cells.label())
                    .or(() -> ApplicationRow.recognise(carried + cells.label()));
            if (row.isEmpty()) {
                unlabelled.put(printedOrder.size(), cells.numbers());
                printedOrder.add(null);
                notes.warn("Section 三: a line with " + cells.numbers().size() + " numbers has no recognisable row label ('"
                        + cells.label() + "').");
                continue;
            }
            printedOrder.add(row.get());
            accept(table, row.get(), TableLine.fitted(cells.numbers(), ApplicationRow.COLUMNS), notes);
        }
        placeByTemplateOrder(table, printedOrder, unlabelled, notes);
        return table;
    }

    /**
     * Lines of 7 numbers whose labels the extraction lost or cut to a fragment several rows share (a PDF-to-Markdown
     * tool pushes labels above the table): where such lines stand between two rows read by label, and the template
     * has exactly as many rows between those two that were not read, they are those rows in order — but only if every
     * identity their cells enter (the row total, the results sum or the balance of each column) can be checked and
     * holds once they are placed. Otherwise they stay unread.
     */
    private static void placeByTemplateOrder(ApplicationsTable table, List<ApplicationRow> printedOrder,
            Map<Integer, List<String>> unlabelled, ParseNotes notes) {
        Optional<Template> template = table.template().flatMap(Template::of);
        if (unlabelled.isEmpty() || template.isEmpty()) {
            return;
        }
        List<ApplicationRow> templateOrder = template.get().applicationRows();
        List<ApplicationRow> placed = new ArrayList<>();
        for (int at = 0; at < printedOrder.size(); at++) {
            if (printedOrder.get(at) != null || at == 0 || printedOrder.get(at - 1) == null) {
                continue;
            }
            int end = at;
            while (end < printedOrder.size() && printedOrder.get(end) == null) {
                end++;
            }
            if (end == printedOrder.size()) {
                break;
            }
            int from = templateOrder.indexOf(printedOrder.get(at - 1));
            int to = templateOrder.indexOf(printedOrder.get(end));
            List<ApplicationRow> between = from < 0 || to <= from ? List.of()
                    : templateOrder.subList(from + 1, to).stream().filter(row -> !table.has(row)).toList();
            boolean wholeRows = java.util.stream.IntStream.range(at, end).allMatch(line -> unlabelled.get(line).size()
                    == ApplicationRow.COLUMNS && unlabelled.get(line).stream().allMatch(n -> TableLine.count(n) != null));
            if (between.size() == end - at && wholeRows) {
                for (int line = at; line < end; line++) {
                    ApplicationRow row = between.get(line - at);
                    table.read(row, unlabelled.get(line).stream().map(TableLine::count).toList());
                    placed.add(row);
                }
            }
            at = end;
        }
        if (placed.isEmpty()) {
            return;
        }
        List<Identity> unconfirmed = template.get().identities().stream()
                .filter(identity -> identity.family() != Identity.Family.CASE_TOTAL)
                .filter(identity -> identity.cells().stream().anyMatch(cell -> placed.contains(((ApplicationCell) cell).row())))
                .filter(identity -> {
                    Identity.Check check = identity.check(cell -> value(table, (ApplicationCell) cell));
                    return !check.assessable() || check.broken();
                }).toList();
        if (!unconfirmed.isEmpty()) {
            placed.forEach(table::forget);
            notes.warn("Section 三: " + placed.size() + " unlabelled lines would be rows " + placed.stream()
                    .map(ApplicationRow::key).toList() + " by the template's order, but " + unconfirmed.size()
                    + " identities they enter cannot confirm it; they stay unread.");
            return;
        }
        placed.forEach(row -> notes.read(ApplicationRow.COLUMNS));
        notes.warn("Section 三: unlabelled lines were read as rows " + placed.stream().map(ApplicationRow::key).toList()
                + ", the rows the template has where they stand; every row total, results sum and column balance "
                + "they enter holds.");
    }

    private static Integer value(ApplicationsTable table, ApplicationCell cell) {
        return table.row(cell.row()).map(cells -> cells[cell.column().ordinal()]).orElse(null);
    }

    private static void accept(ApplicationsTable table, ApplicationRow row, List<String> numbers, ParseNotes notes) {
        if (table.has(row)) {
            notes.warn("Section 三 row " + row.key() + " appears twice; the first reading was kept.");
            return;
        }
        if (numbers.size() == ApplicationRow.COLUMNS) {
            List<Integer> counts = new ArrayList<>();
            for (int c = 0; c < ApplicationRow.COLUMNS; c++) {
                Integer count = CountCells.count(numbers.get(c), "applications." + row.key() + "[" + c + "]", notes);
                counts.add(count);
                notes.read(count == null ? 0 : 1);
            }
            table.read(row, counts);
            return;
        }
        if (!numbers.stream().allMatch(number -> TableLine.count(number) != null)) {
            notes.warn("Section 三 row " + row.key() + " printed " + numbers.size() + " numbers for "
                    + ApplicationRow.COLUMNS + " columns, not all of them counts (" + String.join(", ", numbers)
                    + "); the row is left empty.");
            table.readShort(row, List.of());
            return;
        }
        List<Integer> counts = numbers.stream().map(TableLine::count).toList();
        // Fewer numbers than columns: either cells run together (「640020470」) or cells were lost. A split that the
        // row total confirms is the reading; several are left to the column identities; none means lost cells.
        List<List<Integer>> splits = numbers.size() < ApplicationRow.COLUMNS
                ? DigitRuns.splits(numbers, ApplicationRow.COLUMNS, DigitRuns::rowTotal)
                : List.of();
        if (splits.size() == 1) {
            table.read(row, splits.get(0));
            notes.read(ApplicationRow.COLUMNS);
            notes.warn("Section 三 row " + row.key() + " was printed as run-together digits (" + String.join(" ", numbers)
                    + "); the only split whose total is the sum of its six columns was read: " + splits.get(0) + ".");
        } else if (splits.size() > 1) {
            table.readAmbiguous(row, splits);
        } else {
            table.readShort(row, counts);
        }
    }
}
