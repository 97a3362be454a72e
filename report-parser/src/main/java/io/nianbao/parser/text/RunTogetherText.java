package io.nianbao.parser.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crawled pages often arrive as one line: every heading, row label and cell run together (「…数量640020470二、上年
 * 结转…」). This restores the line structure the readers rely on — a line per section heading and per table row, with
 * the row's digits set apart from its label — without touching the digits themselves: how a run of digits splits
 * into cells is for the table readers to decide by the template's identities. Text that already has its lines is
 * returned unchanged.
 */
public final class RunTogetherText {
    /** A line this long is a flattened page, not a paragraph of a report with line structure. */
    private static final int FLATTENED_LINE = 400;
    private static final Pattern HEADING = Pattern.compile("[一二三四五六]、\\s*(?:总体情况|主动公开政府信息情况"
            + "|收到和处理政府信息公开申请情况|政府信息公开行政法?复议、行政诉讼情况"
            + "|(?:政府信息公开工作)?存在的主要问题及改进情况|其他需要报告的事项)");
    private static final Pattern TABLES_START = Pattern.compile("^二、");
    private static final Pattern TABLES_END = Pattern.compile("^五、");
    private static final Pattern CASES_START = Pattern.compile("^四、");
    /** Where a new table row starts: section 二's row labels (before their digits), section 三's numbered rows. */
    private static final Pattern ROW_START = Pattern.compile("第二十条"
            + "|(?:规章|行政规范性文件|(?<!行政)规范性文件|行政许可|其他对外管理服务事项|行政处罚|行政强制|行政事业性收费"
            + "|政府集中采购)(?=\\s*\\d)"
            + "|[一二三四]、\\s*(?=本年新收|上年结转|本年度办理结果|结转下年度)"
            + "|\\([一二三四五六七]\\)"
            + "|\\d[.、](?=[\\u4e00-\\u9fff“\"])");
    /** Section 四's long column header, then its one row of numbers: the numbers go on a line of their own. */
    private static final Pattern HEADER_THEN_DIGITS = Pattern.compile("(?<=[\\u4e00-\\u9fff”\")])\\s*(?=\\d)");

    private RunTogetherText() {
    }

    /**
     * A space between a label's last character (a Chinese character, closing quote or bracket) and a cell's first
     * digit: what a lookbehind regex would insert, without trying the lookbehind at every position of the page.
     */
    private static String spaceBeforeDigitsAfterLabel(String row) {
        StringBuilder spaced = new StringBuilder(row.length() + 32);
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (i > 0 && c >= '0' && c <= '9' && endsLabel(row.charAt(i - 1))) {
                spaced.append(' ');
            }
            spaced.append(c);
        }
        return spaced.toString();
    }

    private static boolean endsLabel(char c) {
        return (c >= '\u4e00' && c <= '\u9fff') || c == '”' || c == '"' || c == ')';
    }

    /** @param normalised text after {@link TextNormaliser#normalise} (half-width digits and brackets) */
    public static String unflatten(String normalised) {
        boolean flattened = normalised.lines().anyMatch(line -> line.length() >= FLATTENED_LINE
                && HEADING.matcher(line).find());
        if (!flattened) {
            return normalised;
        }
        String withHeadings = HEADING.matcher(normalised).replaceAll(heading -> Matcher.quoteReplacement("\n" + heading.group() + "\n"));
        List<String> lines = new ArrayList<>();
        boolean inTables = false;
        boolean inCases = false;
        for (String line : withHeadings.split("\n", -1)) {
            String stripped = line.strip();
            boolean heading = HEADING.matcher(stripped).matches();
            if (heading && TABLES_START.matcher(stripped).find()) {
                inTables = true;
            } else if (heading && TABLES_END.matcher(stripped).find()) {
                inTables = false;
            } else if (heading && CASES_START.matcher(stripped).find()) {
                inCases = true;
            } else if (inTables && inCases) {
                lines.add(HEADER_THEN_DIGITS.matcher(stripped).replaceFirst("\n"));
                continue;
            } else if (inTables) {
                String rows = ROW_START.matcher(stripped).replaceAll(row -> Matcher.quoteReplacement("\n" + row.group()));
                lines.add(spaceBeforeDigitsAfterLabel(rows));
                continue;
            }
            lines.add(stripped);
        }
        return String.join("\n", lines);
    }
}
