package io.nianbao.parser.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.nianbao.parser.extract.GridText;
import io.nianbao.parser.text.TextNormaliser;

/**
 * One line of an extracted table, split into its label (every non-numeric cell, run together without spaces, so
 * 「一、本年⇥新收政府信⇥息公开申请数量」 reads as one label) and its numeric cells in order. With tabs, a cell is
 * numeric when all of it is numbers (「0 0 0」) or its numbers follow label text (tab then spaces in one row), so OCR
 * debris such as 「-, 4」 stays label; without tabs (plain PDF text) every number token counts. 「1.属于国家秘密」 is a label, not the number 1.
 */
record TableLine(String label, List<String> numbers) {
    private static final Pattern PLACEHOLDER = Pattern.compile("[—\\-/－–]+|无");
    private static final String PLACEHOLDER_CHARACTERS = "—-/－–无";
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final String ITEM_SEPARATOR = ".．、,，";
    private static final Pattern SIGNED_DIGITS = Pattern.compile("[+-]?\\d+");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,3}(?:,\\d{3})+|[+-]?\\d+");
    /** An amount, possibly with its unit: 「12.5」「251000元」「3.2万元」. */
    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)(万元|元)?");

    static TableLine of(String line) {
        StringBuilder label = new StringBuilder();
        List<String> numbers = new ArrayList<>();
        boolean tabbed = line.indexOf('\t') >= 0;
        String[] cells = line.strip().split("\t");
        List<List<String>> cellTokens = new ArrayList<>(cells.length);
        for (int c = 0; c < cells.length; c++) {
            cells[c] = cells[c].strip();
            cellTokens.add(tokens(cells[c]));
        }
        boolean figures = tabbed
                && cellTokens.stream().anyMatch(tokens -> tokens.stream().anyMatch(TableLine::isNumber));
        for (int c = 0; c < cells.length; c++) {
            // A table cell holding only 「—」「/」「无」 stands in a figure's place (read as null, with a warning); a cell
            // the grid says was printed blank keeps its column too (read as null).
            if (tabbed && (isPlaceholder(cells[c]) || isBlank(cells[c])) && (figures || !label.isEmpty())) {
                numbers.add(cells[c]);
                continue;
            }
            List<String> tokens = cellTokens.get(c);
            int firstNumber = tabbed ? trailingNumbers(tokens) : 0;
            for (int i = 0; i < tokens.size(); i++) {
                if (i >= firstNumber && isNumber(tokens.get(i)) && (tabbed || !isItemNumber(tokens, i))) {
                    numbers.add(tokens.get(i));
                } else {
                    label.append(tokens.get(i));
                }
            }
        }
        return new TableLine(TextNormaliser.compact(label.toString()), List.copyOf(numbers));
    }

    /** The cell's words between spaces, as {@code split(" +")} without the empty ones, but with no regex. */
    private static List<String> tokens(String cell) {
        List<String> tokens = new ArrayList<>();
        int start = 0;
        for (int space = cell.indexOf(' '); space >= 0; space = cell.indexOf(' ', start)) {
            if (space > start) {
                tokens.add(cell.substring(start, space));
            }
            start = space + 1;
        }
        if (start < cell.length()) {
            tokens.add(cell.substring(start));
        }
        return tokens;
    }

    /**
     * In a tab-separated line, where a cell's numbers start: at 0 when all of it is numbers; after the label when the
     * extractor put spaces, not a tab, between a label and the figures that follow it (「规章  0⇥0  0」); otherwise
     * nowhere, so OCR debris such as 「-, 4」 (no label text before the number) stays label.
     */
    private static int trailingNumbers(List<String> tokens) {
        int first = tokens.size();
        while (first > 0 && isNumber(tokens.get(first - 1))) {
            first--;
        }
        if (first == 0) {
            return 0;
        }
        boolean labelBefore = tokens.subList(0, first).stream().anyMatch(token -> CJK.matcher(token).find());
        return labelBefore ? first : tokens.size();
    }

    /**
     * Without tabs every number token is a figure, except an item number OCR parted from its dot: the 4 of
     * 「4 .保护第三方…」 or 「4 . 保护第三方…」 belongs to the label that follows it.
     */
    private static boolean isItemNumber(List<String> tokens, int i) {
        String number = tokens.get(i);
        if (i + 1 >= tokens.size() || number.length() > 2 || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        String next = tokens.get(i + 1);
        if (ITEM_SEPARATOR.indexOf(next.charAt(0)) < 0) {
            return false;
        }
        String label = next.length() > 1 ? next.substring(1) : i + 2 < tokens.size() ? tokens.get(i + 2) : "";
        return !label.isEmpty() && CJK.matcher(label.substring(0, 1)).matches();
    }

    /** 「—」「-」「/」「无」: a cell printing no figure. */
    static boolean isPlaceholder(String cell) {
        return !cell.isEmpty() && PLACEHOLDER_CHARACTERS.indexOf(cell.charAt(0)) >= 0
                && PLACEHOLDER.matcher(cell).matches();
    }

    /** A grid cell printed blank ({@link GridText#BLANK_CELL}): a figure's place with no figure. */
    static boolean isBlank(String cell) {
        return cell.equals(GridText.BLANK_CELL);
    }

    /**
     * A row's cells fitted to the columns it has: blank cells past them are the grid's padding (a one-figure row of a
     * four-column table), never figures.
     */
    static List<String> fitted(List<String> numbers, int columns) {
        int size = numbers.size();
        while (size > columns && isBlank(numbers.get(size - 1))) {
            size--;
        }
        return size == numbers.size() ? numbers : numbers.subList(0, size);
    }

    private static boolean isNumber(String token) {
        // Both patterns start with a digit or a sign: most tokens are label text, and need no matcher; most of the
        // others are plain digits, which both patterns take, and need none either.
        char first = token.isEmpty() ? ' ' : token.charAt(0);
        boolean mayBeNumber = (first >= '0' && first <= '9') || first == '+' || first == '-';
        return mayBeNumber && (digitsOnly(token) || INTEGER.matcher(token).matches()
                || AMOUNT.matcher(token).matches());
    }

    private static boolean digitsOnly(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !token.isEmpty();
    }

    boolean hasNumbers() {
        return !numbers.isEmpty();
    }

    /** @return the count as an int, or null when the cell is not a non-negative integer (a count never is). */
    static Integer count(String number) {
        // DIGITS once the commas are left out, read with no copy and no matcher: every cell of a table passes here.
        int value = 0;
        int digits = 0;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == ',') {
                continue;
            }
            if (c < '0' || c > '9' || ++digits > 9) {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return digits == 0 ? null : value;
    }

    /** @return a signed integer (2019's 本年增/减: 「+1036」「-2」), or null. */
    static Integer signed(String number) {
        String digits = number.replace(",", "");
        boolean sign = !digits.isEmpty() && (digits.charAt(0) == '+' || digits.charAt(0) == '-');
        // At most 9 digits, as count(): a longer run (two cells run together, an OCR misread) is no figure, and
        // would not fit an int either.
        if (!SIGNED_DIGITS.matcher(digits).matches() || digits.length() - (sign ? 1 : 0) > 9) {
            return null;
        }
        return Integer.valueOf(digits.startsWith("+") ? digits.substring(1) : digits);
    }

    /** @return the unit an amount cell prints (「251000元」 → 元, 「3.2万元」 → 万元), or null when it prints none */
    static String unit(String number) {
        var amount = AMOUNT.matcher(number.replace(",", ""));
        return amount.matches() ? amount.group(2) : null;
    }

    /**
     * @param headerInWan whether the column header gives the unit 万元
     * @return the amount in 万元: as printed when the cell or header says 万元, divided by 10,000 when the cell says
     *         元; null when no unit is known (except 0, which is 0 in any unit) or the cell is not an amount
     */
    static Double amountWan(String number, boolean headerInWan) {
        var amount = AMOUNT.matcher(number.replace(",", ""));
        if (!amount.matches()) {
            return null;
        }
        double value = Double.parseDouble(amount.group(1));
        String unit = amount.group(2);
        if ("元".equals(unit)) {
            return value / 10_000;
        }
        return "万元".equals(unit) || headerInWan || value == 0 ? value : null;
    }
}
