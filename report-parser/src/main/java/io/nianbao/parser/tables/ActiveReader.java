package io.nianbao.parser.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nianbao.parser.ParseNotes;
import io.nianbao.parser.text.TextNormaliser;
import io.nianbao.schema.ActiveDisclosure;
import io.nianbao.schema.DecisionCounts;
import io.nianbao.schema.DocumentCounts;
import io.nianbao.schema.Fees;
import io.nianbao.schema.Procurement;
import io.nianbao.schema.ParseNoteCode;
import io.nianbao.template.ActiveField;
import io.nianbao.template.ActiveRow;
import io.nianbao.template.Template;

/**
 * Reads section 二 (主动公开) of either template into {@link ActiveDisclosure}. A row with another count of numbers
 * than its template's columns stays null with a warning.
 */
public final class ActiveReader {
    private static final Pattern COLUMNS_2021 = Pattern.compile("制发件数|本年废止|现行有效|本年处理决定数量|本年收费金额");
    private static final Pattern COLUMNS_2019 = Pattern.compile("新制作数量|新公开数量|对外公开总数量|上一年项目数量|采购项目数量");
    private static final Pattern TEN_THOUSAND_YUAN = Pattern.compile("万元");
    /** The unit the fee row's label or its column heading prints: 「行政事业性收费（元）」「本年收费金额（单位：万元）」. */
    private static final Pattern FEE_HEADING_UNIT = Pattern.compile("(?:收费金额|事业性收费)[（(]?(?:单位[：:]?)?(万元|元)[）)]?");

    /** How prose names the columns of the document rows (规章, 规范性文件), in column order, per template. */
    private static final List<Pattern> DOCUMENT_COLUMNS_IN_PROSE_2021 = List.of(
            Pattern.compile("制发"), Pattern.compile("废止"), Pattern.compile("现行有效"));
    private static final List<Pattern> DOCUMENT_COLUMNS_IN_PROSE_2019 = List.of(
            Pattern.compile("新制作"), Pattern.compile("新公开"), Pattern.compile("公开总"));
    /**
     * How a cell's note names the column of its figure (「（其中修订16件）」: revised documents are issued again;
     * 「（含自然失效29件）」: expired ones count as repealed), in column order, per template.
     */
    private static final List<Pattern> DOCUMENT_COLUMNS_IN_NOTES_2021 = List.of(
            Pattern.compile("制发|制定|修订"), Pattern.compile("废止|失效"), Pattern.compile("现行有效"));
    private static final List<Pattern> DOCUMENT_COLUMNS_IN_NOTES_2019 = DOCUMENT_COLUMNS_IN_PROSE_2019;

    private ActiveReader() {
    }

    /** Section 二 cells the template has: 10 in 2021, 22 in 2019. */
    public static int cellsExpected(String template) {
        int cells = 0;
        for (ActiveRow row : ActiveRow.values()) {
            cells += columns(row, template);
        }
        return cells;
    }

    /** How many cells the template prints for the row; 0 when it does not print it. */
    private static int columns(ActiveRow row, String template) {
        return Template.orCurrent(template).activeFields(row).size();
    }

    private static List<String> fields(ActiveRow row, String template) {
        return Template.orCurrent(template).activeFields(row).stream().map(ActiveField::field).toList();
    }

    /** 2021 from 本年制发件数 and its siblings, 2019 from 本年新制作数量 and its siblings; empty when neither is printed. */
    public static Optional<String> template(String sectionText) {
        String compact = TextNormaliser.compact(sectionText);
        boolean is2021 = COLUMNS_2021.matcher(compact).find();
        boolean is2019 = COLUMNS_2019.matcher(compact).find();
        if (is2021 == is2019) {
            return Optional.empty();
        }
        return Optional.of(is2021 ? "2021" : "2019");
    }

    /**
     * @param columnWise whether section 三 was printed column by column (its identities confirmed the order): section
     *                   二 is then read column by column too when it has that shape, as it has no identity of its own
     *                   to tell the order by
     * @param prose      the report's prose (section 一), whose stated figures may choose a run-together row's split
     */
    public static Optional<ActiveDisclosure> read(String sectionText, String prose, String template,
            boolean columnWise, ParseNotes notes) {
        Optional<List<ColumnWiseBlock>> blocks = columnWise
                ? ColumnWiseBlock.of(sectionText, labels -> !listedRows(labels).isEmpty())
                : Optional.empty();
        Map<ActiveRow, List<String>> rows = blocks.map(found -> columnWiseRows(found, template, notes))
                .orElseGet(() -> rowMajorRows(sectionText));
        boolean amountInTenThousands = TEN_THOUSAND_YUAN.matcher(sectionText).find();
        Matcher feeHeading = FEE_HEADING_UNIT.matcher(TextNormaliser.compact(sectionText));
        String feeHeadingInYuan = feeHeading.find() && "元".equals(feeHeading.group(1)) ? feeHeading.group() : null;
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        ActiveDisclosure.Builder active = ActiveDisclosure.newBuilder();
        List<FloatedCells.Floated> floated = FloatedCells.of(sectionText);
        Map<ActiveRow, List<String>> unfloated = floated.isEmpty() ? Map.of()
                : withFloatedCells(floated, rows, prose, template, notes);
        for (Map.Entry<ActiveRow, List<String>> entry : rows.entrySet()) {
            ActiveRow row = entry.getKey();
            List<String> numbers = TableLine.fitted(entry.getValue(), columns(row, template));
            if (columns(row, template) == 0) {
                notes.warn("Section 二 row " + row.field() + " belongs to the other template than " + template + "; ignored.");
                continue;
            }
            // A row short of figures beside floated cells lost them to the floating, not to running together.
            boolean inferred = unfloated.containsKey(row);
            if (inferred) {
                numbers = unfloated.get(row);
            } else if (floated.isEmpty() && numbers.size() < columns(row, template)
                    && DigitRuns.splittable(numbers)) {
                // Section 二 has no identity between its cells: run-together digits are read only when they split
                // one way (「000」 is 0|0|0; 「693665」 could be 69|3|665 or 6|93|665 …).
                List<List<Integer>> splits = DigitRuns.splits(numbers, columns(row, template), cells -> true);
                Optional<List<Integer>> split = splits.size() == 1 ? Optional.of(splits.get(0))
                        : splitStatedInProse(row, numbers, splits, prose, template, notes);
                if (split.isEmpty()) {
                    notes.warn("Section 二 row " + row.field() + " was printed as run-together digits ("
                            + String.join(" ", numbers) + ") that split " + splits.size() + " ways into "
                            + columns(row, template) + " cells; its cells are null.");
                    continue;
                }
                numbers = split.get().stream().map(String::valueOf).toList();
                inferred = splits.size() > 1;
            }
            if (numbers.size() != columns(row, template)) {
                notes.warn("Section 二 row " + row.field() + " printed " + numbers.size() + " numbers for "
                        + columns(row, template) + " columns; its cells are null.");
                continue;
            }
            int read = set(active, row, numbers, template, amountInTenThousands, feeHeadingInYuan, notes);
            notes.read(inferred ? 0 : read); // cells the prose or floated notes placed are inferred, as their cells say
        }
        return Optional.of(active.build());
    }

    /**
     * The one split of a document row's run-together digits that agrees with the figures the prose states for it,
     * its cells marked inferred; empty when the prose states none for the row or leaves more than one split.
     */
    private static Optional<List<Integer>> splitStatedInProse(ActiveRow row, List<String> numbers,
            List<List<Integer>> splits, String prose, String template, ParseNotes notes) {
        if (row != ActiveRow.REGULATIONS && row != ActiveRow.NORMATIVE_DOCUMENTS || splits.size() < 2) {
            return Optional.empty();
        }
        List<StatedFigures.Figure> stated = StatedFigures.of(prose, row.named(),
                documentColumnsInProse(template));
        List<List<Integer>> agreeing = StatedFigures.agreeing(splits, stated);
        if (stated.isEmpty() || agreeing.size() != 1) {
            return Optional.empty();
        }
        List<String> fields = fields(row, template);
        fields.forEach(field -> notes.inferred(row.path() + "." + field));
        notes.warn("Section 二 row " + row.field() + " was printed as run-together digits (" + String.join(" ", numbers)
                + ") that split " + splits.size() + " ways; the prose states "
                + stated.stream().map(figure -> fields.get(figure.column()) + " " + figure.value() + " (「"
                        + figure.clause() + "」)").toList()
                + ", which leaves " + agreeing.get(0) + " (see inferredCells).");
        return Optional.of(agreeing.get(0));
    }

    /**
     * The document rows whose cells floated out of the table ({@link FloatedCells}) with them put back, each cell
     * marked inferred, where the figures the prose states for the row agree; a short row left short is warned.
     */
    private static Map<ActiveRow, List<String>> withFloatedCells(List<FloatedCells.Floated> floated,
            Map<ActiveRow, List<String>> rows, String prose, String template, ParseNotes notes) {
        Map<ActiveRow, List<String>> documentRows = new EnumMap<>(ActiveRow.class);
        for (ActiveRow row : List.of(ActiveRow.REGULATIONS, ActiveRow.NORMATIVE_DOCUMENTS)) {
            if (rows.containsKey(row)) {
                documentRows.put(row, TableLine.fitted(rows.get(row), columns(row, template)));
            }
        }
        String printed = floated.stream().map(cell -> cell.figure() + cell.note()).toList().toString();
        Optional<Map<ActiveRow, List<String>>> placed = FloatedCells.placed(floated, documentRows,
                row -> columns(row, template),
                "2019".equals(template) ? DOCUMENT_COLUMNS_IN_NOTES_2019 : DOCUMENT_COLUMNS_IN_NOTES_2021);
        if (placed.isEmpty()) {
            notes.warn("Section 二: the figures with notes standing outside the table " + printed
                    + " are not as many as the cells its document rows lack; whose they are cannot be told.");
            return Map.of();
        }
        Map<ActiveRow, List<String>> agreed = new EnumMap<>(ActiveRow.class);
        for (Map.Entry<ActiveRow, List<String>> entry : placed.get().entrySet()) {
            ActiveRow row = entry.getKey();
            List<Integer> counts = entry.getValue().stream().map(TableLine::count).toList();
            List<StatedFigures.Figure> stated = StatedFigures.of(prose, row.named(),
                    documentColumnsInProse(template));
            if (counts.contains(null) || StatedFigures.agreeing(List.of(counts), stated).isEmpty()) {
                notes.warn("Section 二 row " + row.field() + " put back with the figures standing outside the table "
                        + printed + " reads " + entry.getValue() + ", which the figures the prose states for it"
                        + " contradict; its cells are null.");
                continue;
            }
            fields(row, template).forEach(field -> notes.inferred(row.path() + "." + field));
            notes.warn("Section 二 row " + row.field() + " printed " + documentRows.get(row).size() + " of its "
                    + counts.size() + " figures in the table; the figures with notes standing outside it " + printed
                    + " follow the rows that lack figures, each in the column its note names: " + counts
                    + " (see inferredCells).");
            agreed.put(row, entry.getValue());
        }
        return agreed;
    }

    /** What names each document column in the prose, in column order, for the template. */
    private static List<Pattern> documentColumnsInProse(String template) {
        return "2019".equals(template) ? DOCUMENT_COLUMNS_IN_PROSE_2019 : DOCUMENT_COLUMNS_IN_PROSE_2021;
    }

    /** Each row's numbers from the line that names it, or from the line after a label line with no numbers. */
    private static Map<ActiveRow, List<String>> rowMajorRows(String sectionText) {
        Map<ActiveRow, List<String>> rows = new EnumMap<>(ActiveRow.class);
        String pending = "";
        for (String line : sectionText.split("\n")) {
            TableLine cells = TableLine.of(line);
            if (!cells.hasNumbers()) {
                pending = cells.label();
                continue;
            }
            String label = cells.label().isEmpty() ? pending : cells.label();
            pending = "";
            ActiveRow.recognise(label).ifPresent(row -> rows.putIfAbsent(row, cells.numbers()));
        }
        return rows;
    }

    /**
     * Each block's rows with their cells: the block must hold exactly the cells of the rows it lists (else they stay
     * null, warned); consecutive rows with as many columns as each other are printed column after column (017's
     * 规章/行政规范性文件 as 「1 8 0 26 11 66」), and such groups follow each other in the order of their rows.
     */
    private static Map<ActiveRow, List<String>> columnWiseRows(List<ColumnWiseBlock> blocks, String template,
            ParseNotes notes) {
        Map<ActiveRow, List<String>> rows = new EnumMap<>(ActiveRow.class);
        for (ColumnWiseBlock block : blocks) {
            List<ActiveRow> listed = listedRows(block.labels());
            int expected = listed.stream().mapToInt(row -> columns(row, template)).sum();
            if (listed.isEmpty() || block.numbers().size() != expected) {
                notes.note(ParseNoteCode.COLUMN_ORDER_UNREAD, "active", null, ParseNoteCode.COLUMN_ORDER_UNREAD
                        + " active: a block of " + block.numbers().size()
                        + " numbers printed column by column follows the labels of " + listed.size() + " rows ("
                        + listed.stream().map(ActiveRow::field).toList() + ") which have " + expected + " cells;"
                        + " which number is whose cannot be told, so those rows are null.");
                continue;
            }
            int from = 0;
            for (int first = 0; first < listed.size();) {
                int columns = columns(listed.get(first), template);
                int last = first;
                while (last + 1 < listed.size() && columns(listed.get(last + 1), template) == columns) {
                    last++;
                }
                List<List<String>> cells = block.columnMajor(last - first + 1, columns, from);
                for (int r = first; r <= last; r++) {
                    rows.putIfAbsent(listed.get(r), cells.get(r - first));
                }
                from += (last - first + 1) * columns;
                first = last + 1;
            }
        }
        if (!rows.isEmpty()) {
            notes.note(ParseNoteCode.COLUMN_ORDER_REBUILT, "active", null, ParseNoteCode.COLUMN_ORDER_REBUILT
                    + " active: section 二 was printed column by column, as"
                    + " section 三 was; " + rows.size() + " rows were rebuilt from blocks holding exactly their cells.");
        }
        return rows;
    }

    /** The rows a block's labels name, in order, each once. */
    private static List<ActiveRow> listedRows(List<String> labels) {
        List<ActiveRow> rows = new ArrayList<>();
        for (String label : labels) {
            ActiveRow.recognise(label).filter(row -> !rows.contains(row)).ifPresent(rows::add);
        }
        return rows;
    }

    /**
     * Sets the row's cells: counts as {@link CountCells} reads them (a cell that is no whole number stays null), the
     * 2021 fee amount in 万元 (null when it is no amount).
     *
     * @param feeHeadingInYuan the fee row label or column heading when it prints 元 rather than 万元, else null
     * @return how many cells were read
     */
    private static int set(ActiveDisclosure.Builder active, ActiveRow row, List<String> n, String template,
            boolean amountInTenThousands, String feeHeadingInYuan, ParseNotes notes) {
        boolean is2019 = "2019".equals(template);
        String path = row.path() + ".";
        switch (row) {
            case REGULATIONS, NORMATIVE_DOCUMENTS -> {
                List<String> fields = fields(row, template);
                Integer a = CountCells.count(n.get(0), path + fields.get(0), notes);
                Integer b = CountCells.count(n.get(1), path + fields.get(1), notes);
                Integer c = CountCells.count(n.get(2), path + fields.get(2), notes);
                DocumentCounts counts = is2019
                        ? DocumentCounts.newBuilder().setNewlyMade(a).setNewlyPublished(b).setTotalPublished(c).build()
                        : DocumentCounts.newBuilder().setIssued(a).setRepealed(b).setInForce(c).build();
                if (row == ActiveRow.REGULATIONS) {
                    active.setRegulations(counts);
                } else {
                    active.setNormativeDocuments(counts);
                }
                return present(a, b, c);
            }
            case LICENSING, OTHER_SERVICES, PENALTIES, ENFORCEMENT -> {
                DecisionCounts.Builder counts = DecisionCounts.newBuilder();
                int read;
                if (is2019) {
                    Integer last = CountCells.count(n.get(0), path + "lastYearItems", notes);
                    Integer change = CountCells.change(n.get(1), path + "change", notes);
                    Integer decisions = CountCells.count(n.get(2), path + "decisions", notes);
                    counts.setLastYearItems(last).setChange(change).setDecisions(decisions);
                    read = present(last, change, decisions);
                } else {
                    Integer decisions = CountCells.count(n.get(0), path + "decisions", notes);
                    counts.setDecisions(decisions);
                    read = present(decisions);
                }
                switch (row) {
                    case LICENSING -> active.setLicensing(counts.build());
                    case OTHER_SERVICES -> active.setOtherServices(counts.build());
                    case PENALTIES -> active.setPenalties(counts.build());
                    default -> active.setEnforcement(counts.build());
                }
                return read;
            }
            case FEES -> {
                if (is2019) {
                    Integer last = CountCells.count(n.get(0), path + "lastYearItems", notes);
                    Integer change = CountCells.change(n.get(1), path + "change", notes);
                    active.setFees(Fees.newBuilder().setLastYearItems(last).setChange(change).build());
                    return present(last, change);
                }
                Double amount = feeAmountWan(n.get(0), feeHeadingInYuan, notes);
                if (amount == null) {
                    notes.warn("Section 二 row fees holds '" + n.get(0) + "', which is no amount; its cell is null.");
                    return 0;
                }
                active.setFees(Fees.newBuilder().setAmountWan(amount).build());
                return 1;
            }
            case PROCUREMENT -> {
                Integer projects = CountCells.count(n.get(0), path + "projects", notes);
                // The 2019 column prints no unit and reports write 元 or 万元: the raw text is kept, and the amount
                // in 万元 only where a unit says so.
                active.setProcurement(Procurement.newBuilder().setProjects(projects)
                        .setAmountWan(TableLine.amountWan(n.get(1), amountInTenThousands)).setAmountText(n.get(1))
                        .build());
                return present(projects) + 1;
            }
            default -> throw new IllegalStateException("unhandled row " + row);
        }
    }

    /**
     * The 2021 fee amount in 万元, the unit its column heading fixes (本年收费金额（单位：万元）). An amount printed
     * in 元, by its cell (「251000元」) or by the row label or heading (「本年收费金额（单位：元）」), is read in 元,
     * that is divided by 10,000, and named in a {@code FEE_UNIT_YUAN} note with the cell as printed: the
     * report breaks the template's unit, which rule S2-UNIT reports. A unit in the cell wins over the heading's.
     *
     * @return null when the cell is no amount
     */
    private static Double feeAmountWan(String printed, String feeHeadingInYuan, ParseNotes notes) {
        Double amount = TableLine.amountWan(printed, true);
        String cellUnit = TableLine.unit(printed);
        String printedInYuan = cellUnit != null ? ("元".equals(cellUnit) ? "the cell" : null)
                : feeHeadingInYuan == null ? null : "「" + feeHeadingInYuan + "」";
        if (amount == null || printedInYuan == null) {
            return amount;
        }
        double wan = cellUnit == null ? amount / 10_000 : amount;
        String cell = ActiveRow.FEES.cell(ActiveField.AMOUNT_WAN).path();
        notes.note(ParseNoteCode.FEE_UNIT_YUAN, cell, printed, ParseNoteCode.FEE_UNIT_YUAN + " " + cell + " '"
                + printed + "': " + printedInYuan
                + " prints 元 where the template asks 万元; the amount is read as "
                + BigDecimal.valueOf(wan).stripTrailingZeros().toPlainString() + " 万元.");
        return wan;
    }

    private static int present(Integer... cells) {
        int present = 0;
        for (Integer cell : cells) {
            present += cell == null ? 0 : 1;
        }
        return present;
    }
}
