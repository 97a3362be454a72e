package io.nianbao.parser.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nianbao.parser.extract.PageMetadata;
import io.nianbao.parser.text.TextNormaliser;

/**
 * Reads title, agency, years and publication date from what the document says about itself: a web page's own
 * declarations first (its article title tag, heading, {@code <title>}: {@link PageMetadata}), then the text around the
 * sections. A title set over two lines is one title.
 */
public final class IdentityReader {
    private static final int TITLE_SEARCH_LINES = 8;
    private static final int MAX_TITLE_LENGTH = 80;
    /** Marks of a sentence or a cited document, never of a report's own title. */
    private static final Pattern PROSE = Pattern.compile("[。，；《》]");
    private static final Pattern TITLE_END = Pattern.compile("(?:年度报告|年报)$");
    private static final Pattern TITLE = Pattern.compile(".*(?:政府信息公开|政务公开|信息公开).*(?:年度报告|年报)");
    /** 「盐池县花马池镇2024年度政府信息公开工作年度报告」 — agency before the year. */
    private static final Pattern AGENCY_FIRST = Pattern.compile("^(.+?)(?:关于)?((?:19|20)\\d{2})年度?(?:的)?(?:政府信息公开|政务公开|信息公开)");
    /** 「2024年盐池县花马池镇政府信息公开工作年度报告」 — year first; 「2024年度政府信息公开…」 names no agency. */
    private static final Pattern YEAR_FIRST =
            Pattern.compile("^((?:19|20)\\d{2})年度?+((?!政府信息公开|政务公开).+?)(?:政府信息公开|政务公开|信息公开)");
    /** A crawler's field label before the title: 「标题: …」. */
    private static final Pattern TITLE_LABEL = Pattern.compile("^(?:标题|题目|名称)[:：]");
    private static final Pattern YEAR_FIRST_LINE = Pattern.compile("(?:19|20)\\d{2}年度?(?:政府信息公开|政务公开|信息公开)");
    /** An agency name alone on a line: short, no digits, no punctuation of prose. */
    private static final Pattern AGENCY_LINE = Pattern.compile("[^\\d,，。:：;；《》()]{2,30}");
    private static final Pattern PERIOD = Pattern.compile(
            "((?:19|20)\\d{2})年0?1月0?1日(?:起)?(?:至|到|-|—|~)(?:((?:19|20)\\d{2})年)?12月31日");
    private static final Pattern DATE_LINE = Pattern.compile("^((?:19|20)\\d{2})[年.\\-/](\\d{1,2})[月.\\-/](\\d{1,2})日?$");
    private static final List<String> DATE_LABELS = List.of("发布日期", "发布时间", "成文日期");
    private static final Pattern DATE_LABELLED = Pattern.compile(
            "(?:" + String.join("|", DATE_LABELS) + ")[:：]?((?:19|20)\\d{2})[年.\\-/](\\d{1,2})[月.\\-/](\\d{1,2})");

    private IdentityReader() {
    }

    /**
     * @param preamble the text before the first section heading (the whole text when none was found)
     * @param fullText the whole normalised text, for the statistics period and the date
     */
    public static ReportIdentity read(String preamble, String fullText, PageMetadata page) {
        String title = pageTitle(page);
        if (title == null) {
            title = title(preamble);
        }
        String agency = null;
        Integer titleYear = null;
        if (title != null) {
            Matcher agencyFirst = AGENCY_FIRST.matcher(title);
            Matcher yearFirst = YEAR_FIRST.matcher(title);
            if (agencyFirst.find()) {
                agency = agencyFirst.group(1);
                titleYear = Integer.valueOf(agencyFirst.group(2));
            } else if (yearFirst.find()) {
                titleYear = Integer.valueOf(yearFirst.group(1));
                agency = yearFirst.group(2);
            }
        }
        if (agency == null && page.contentSource() != null) {
            agency = page.contentSource();
        }
        String compactText = TextNormaliser.compact(fullText);
        Matcher period = PERIOD.matcher(compactText);
        Integer periodYear = period.find() ? Integer.valueOf(period.group(1)) : null;
        Integer year = titleYear != null ? titleYear : periodYear;
        String published = publicationDate(fullText, compactText);
        return new ReportIdentity(title, agency, titleYear, periodYear, year,
                published != null ? published : page.publicationDate());
    }

    /** The first of the page's declared titles that is a report's title. */
    private static String pageTitle(PageMetadata page) {
        for (String candidate : page.titles()) {
            String compact = TextNormaliser.compact(candidate);
            if (isTitle(compact)) {
                return compact;
            }
        }
        return null;
    }

    /** A report title: short, naming the disclosure report, and no sentence of prose (「…。」「《关于印发…》」). */
    private static boolean isTitle(String compact) {
        return compact.length() <= MAX_TITLE_LENGTH && TITLE.matcher(compact).matches() && !PROSE.matcher(compact).find();
    }

    private static String title(String preamble) {
        int seen = 0;
        String previous = null;
        for (String line : preamble.split("\n")) {
            String compact = TITLE_LABEL.matcher(TextNormaliser.compact(line)).replaceFirst("");
            if (compact.isEmpty()) {
                continue;
            }
            if (isTitle(compact)) {
                // A title set on two lines, agency above 「2024年政府信息公开工作年度报告」, is one title.
                boolean agencyAbove = previous != null && YEAR_FIRST_LINE.matcher(compact).lookingAt()
                        && AGENCY_LINE.matcher(previous).matches();
                return agencyAbove ? previous + compact : compact;
            }
            // 「2025年上海市人民政府办公厅政府信息公开」 over 「工作年度报告」: broken mid-title.
            if (previous != null && !TITLE_END.matcher(previous).find() && isTitle(previous + compact)) {
                return previous + compact;
            }
            previous = compact;
            if (++seen >= TITLE_SEARCH_LINES) {
                break;
            }
        }
        return null;
    }

    /** The report's own date: a labelled date anywhere, else a date standing alone on one of the last lines. */
    private static String publicationDate(String fullText, String compactText) {
        Matcher labelled = DATE_LABELLED.matcher(compactText);
        // A labelled date starts at one of its labels: the search starts at the first, found by indexOf.
        int firstLabel = DATE_LABELS.stream().mapToInt(compactText::indexOf).filter(at -> at >= 0).min().orElse(-1);
        if (firstLabel >= 0 && labelled.find(firstLabel)) {
            return isoDate(labelled);
        }
        String[] lines = fullText.split("\n");
        for (int i = lines.length - 1; i >= Math.max(0, lines.length - 5); i--) {
            Matcher alone = DATE_LINE.matcher(TextNormaliser.compact(lines[i]));
            if (alone.matches()) {
                return isoDate(alone);
            }
        }
        return null;
    }

    private static String isoDate(Matcher date) {
        try {
            return LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                    Integer.parseInt(date.group(3))).toString();
        } catch (DateTimeException notADate) {
            return null;
        }
    }
}
