package io.nianbao.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.nianbao.cli.BenchReports;
import io.nianbao.corpus.LabelledReport;
import io.nianbao.corpus.ReportGenerator;
import io.nianbao.corpus.render.Form;
import io.nianbao.gazetteer.Division;
import io.nianbao.schema.Applications;
import io.nianbao.schema.Narrative;
import io.nianbao.schema.ParsedReport;
import io.nianbao.template.ApplicationRow;
import io.nianbao.template.Template;

/**
 * Two consecutive years of one agency's report, generated (consistent: every identity of the template holds, the
 * prose agrees with the tables) and rendered as extracted text, under an agency of a real county as {@code bench}
 * names them. The later year's 上年结转 either equals the earlier year's 结转下年度继续办理 column by column, so the
 * carry-over chain holds, or exceeds it by one application in the first column, so CARRY-CHAIN fails: what the
 * year-to-year judgement decides, known before anything is judged.
 */
final class AgencyYears {
    static final int EARLIER = 2023;
    static final int LATER = 2024;
    private static final int TOTAL = ApplicationRow.COLUMNS - 1;
    private static final ReportGenerator GENERATOR = new ReportGenerator(20261206, 0);

    private final BenchReports agencies = new BenchReports();
    /** Where the search for the next generated report of each year goes on: no two pairs share a report. */
    private int nextEarlier;
    private int nextLater;

    record Pair(String agency, Division county, boolean chainBroken, byte[] earlier, byte[] later) {

        /** Its earlier year's report as another agency printed it: the same prose and tables under that name. */
        byte[] earlierCopiedBy(String agency) {
            return new String(earlier, StandardCharsets.UTF_8).replace(this.agency, agency)
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The agency {@code bench} names {@code n}: a county government or department of a real county. */
    BenchReports.BenchReport agency(int n) {
        return agencies.report(n);
    }

    /** Two years of the agency {@code n}. */
    Pair pair(int n, boolean chainBroken) {
        BenchReports.BenchReport agency = agency(n);
        ParsedReport earlier = nextOf(EARLIER, true);
        List<Integer> carriedForward = ApplicationRow.CARRIED_FORWARD.valuesIn(earlier.getApplications());
        List<Integer> claimedCarriedOver = new ArrayList<>(carriedForward);
        if (chainBroken) {
            claimedCarriedOver.set(0, claimedCarriedOver.get(0) + 1);
            claimedCarriedOver.set(TOTAL, claimedCarriedOver.get(TOTAL) + 1);
        }
        ParsedReport later;
        do {
            later = carryingOver(nextOf(LATER, false), claimedCarriedOver);
        } while (later == null);
        return new Pair(agency.agency(), agency.county(), chainBroken, text(earlier, agency.agency()),
                text(later, agency.agency()));
    }

    /** The next generated report of the year in the current template. */
    private ParsedReport nextOf(int year, boolean earlier) {
        while (true) {
            ParsedReport report = GENERATOR.report(earlier ? nextEarlier++ : nextLater++).truth();
            if (report.getYear() == year) {
                return report;
            }
        }
    }

    /**
     * The report with 上年结转 set to {@code carriedOver}, every column still balanced (本年新收 + 上年结转 = 办理结果总计 +
     * 结转下年度) by moving the difference to 结转下年度, and its prose's 上年结转 figure changed with it; null when a
     * column would then carry a negative number forward.
     */
    private static ParsedReport carryingOver(ParsedReport report, List<Integer> carriedOver) {
        Applications applications = report.getApplications();
        Map<ApplicationRow, List<Integer>> rows = new EnumMap<>(ApplicationRow.class);
        for (ApplicationRow row : Template.orCurrent(report.getTemplate()).applicationRows()) {
            rows.put(row, row.valuesIn(applications));
        }
        List<Integer> before = rows.get(ApplicationRow.CARRIED_OVER);
        List<Integer> forward = new ArrayList<>(rows.get(ApplicationRow.CARRIED_FORWARD));
        for (int column = 0; column < ApplicationRow.COLUMNS; column++) {
            forward.set(column, forward.get(column) + carriedOver.get(column) - before.get(column));
            if (forward.get(column) < 0) {
                return null;
            }
        }
        rows.put(ApplicationRow.CARRIED_OVER, List.copyOf(carriedOver));
        rows.put(ApplicationRow.CARRIED_FORWARD, forward);
        String overview = report.getNarrative().getOverview().replace("上年结转" + before.get(TOTAL) + "件",
                "上年结转" + carriedOver.get(TOTAL) + "件");
        return ParsedReport.newBuilder(report)
                .setApplications(ApplicationRow.record(rows::get))
                .setNarrative(Narrative.newBuilder(report.getNarrative()).setOverview(overview).build())
                .build();
    }

    /** The report as extracted text, written by {@code agency}. */
    private static byte[] text(ParsedReport report, String agency) {
        String text = new String(Form.TEXT.render(new LabelledReport(report.getReportId(), report, List.of())),
                StandardCharsets.UTF_8);
        return text.replace(report.getAgency(), agency).getBytes(StandardCharsets.UTF_8);
    }
}
