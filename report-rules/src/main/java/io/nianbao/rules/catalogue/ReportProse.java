package io.nianbao.rules.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.nianbao.schema.Applications;
import io.nianbao.schema.Narrative;
import io.nianbao.schema.ParsedReport;
import io.nianbao.template.ApplicantColumn;
import io.nianbao.template.CaseGroup;

/** The report's prose and the table figures the prose rules hold it against. */
final class ReportProse {
    private static final String CLAUSE_ENDS = "。；;：:！!？?";
    /** 「（二）」「(2)」「二、」「2.」「2、」「第二」 at a line's start, after any indentation. */
    private static final Pattern ITEM_START =
            Pattern.compile("[\\s\\f]*(?:[（(][一二三四五六七八九十\\d]+[)）]|[一二三四五六七八九十]+、|\\d+[.、．]|第[一二三四五六七八九十]+)");
    /** Compiled once: the prose rules split and compact every report's narrative, every time it is judged. */
    private static final Pattern CLAUSE_SEPARATORS = Pattern.compile("[。；;！!\\n]");
    private static final Pattern SENTENCE_SEPARATORS = Pattern.compile("[。\\n]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    static final List<String> NARRATIVE_CELLS =
            List.of("narrative.overview", "narrative.problems", "narrative.otherMatters");

    private ReportProse() {
    }

    /** Overview, problems and other matters, or null when none of them was read. */
    static String narrative(ParsedReport report) {
        Narrative narrative = report.getNarrative();
        if (narrative == null) {
            return null;
        }
        List<String> parts = Stream.of(narrative.getOverview(), narrative.getProblems(), narrative.getOtherMatters())
                .filter(Objects::nonNull).toList();
        return parts.isEmpty() ? null : String.join("\n", parts);
    }

    /**
     * The text's clauses (split at 。；! and paragraph ends) without whitespace: extraction puts spaces around
     * figures (「收到 3 件」), which the patterns should not have to allow for.
     */
    static List<String> clauses(String text) {
        return sentences(text, CLAUSE_SEPARATORS);
    }

    /** Sentences split at 。 and paragraph ends only: an itemised list runs on across its 、 and ；. */
    static List<String> sentences(String text) {
        return sentences(text, SENTENCE_SEPARATORS);
    }

    private static List<String> sentences(String text, Pattern separators) {
        if (text == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (String part : separators.split(unwrapped(text))) {
            String compact = compact(part);
            if (!compact.isEmpty()) {
                result.add(compact);
            }
        }
        return result;
    }

    /**
     * The text with a paragraph's lines joined: PDF extraction wraps them wherever the page ends a line, also inside
     * a figure's clause (「政府信息公开行政复议 351⏎件」). A line break stays where a line ends a sentence or a clause
     * (。；：!?), before a blank line, and before a line that starts an item or a heading (「（二）」「二、」「2.」).
     */
    static String unwrapped(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder joined = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            joined.append(lines[i]);
            if (i + 1 < lines.length) {
                boolean wrapped = !lines[i].isBlank() && !lines[i + 1].isBlank() && !endsClause(lines[i])
                        && !ITEM_START.matcher(lines[i + 1]).lookingAt();
                if (!wrapped) {
                    joined.append('\n');
                }
            }
        }
        return joined.toString();
    }

    private static boolean endsClause(String line) {
        String stripped = line.strip();
        return !stripped.isEmpty() && CLAUSE_ENDS.indexOf(stripped.charAt(stripped.length() - 1)) >= 0;
    }

    static String compact(String text) {
        return WHITESPACE.matcher(text).replaceAll("");
    }

    /** The report's year: the statistics period's, else the title's, else the one the parser settled on. */
    static Integer reportYear(ParsedReport report) {
        return Stream.of(report.getPeriodYear(), report.getTitleYear(), report.getYear())
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** 一、本年新收 总计, null when not read. */
    static Integer newApplicationsTotal(ParsedReport report) {
        Applications applications = report.getApplications();
        return applications == null ? null : total(applications.getNewApplications());
    }

    /** 二、上年结转 总计, null when not read. */
    static Integer carriedOverTotal(ParsedReport report) {
        Applications applications = report.getApplications();
        return applications == null ? null : total(applications.getCarriedOver());
    }

    static Integer total(List<Integer> row) {
        return row == null || row.size() <= ApplicantColumn.TOTAL.ordinal() ? null : row.get(ApplicantColumn.TOTAL.ordinal());
    }

    /** The sum of the groups' 总计; null when any of them was not read, never a partial sum. */
    static Integer caseTotal(ParsedReport report, CaseGroup... groups) {
        int sum = 0;
        for (CaseGroup group : groups) {
            Integer total = group.total().valueIn(report);
            if (total == null) {
                return null;
            }
            sum += total;
        }
        return sum;
    }

    static List<String> caseCells(CaseGroup... groups) {
        return Arrays.stream(groups).map(group -> group.total().path()).toList();
    }
}
