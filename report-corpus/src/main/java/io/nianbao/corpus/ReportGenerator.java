package io.nianbao.corpus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import io.nianbao.parser.ReportParser;
import io.nianbao.schema.ActiveDisclosure;
import io.nianbao.schema.Applications;
import io.nianbao.schema.CaseOutcomes;
import io.nianbao.schema.Completeness;
import io.nianbao.schema.DecisionCounts;
import io.nianbao.schema.DocumentCounts;
import io.nianbao.schema.Fees;
import io.nianbao.schema.Narrative;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Procurement;
import io.nianbao.schema.Source;
import io.nianbao.template.ApplicationRow;
import io.nianbao.template.Template;

/**
 * Realistic labelled reports, deterministic from a seed: both templates, plausible non-zero figures that satisfy
 * every identity of DOMAIN.md §1.6, prose that agrees with the tables — and, for a share of them, one deliberate
 * inconsistency ({@link Injection}) that the printed figures and the truth both carry.
 */
public final class ReportGenerator {
    private static final int FIRST_YEAR = 2019;
    private static final int LAST_YEAR = 2024;
    private static final int APPLICANT_COLUMNS = 6;
    private static final int[] NEW_MAX = {40, 8, 2, 2, 3, 3};
    /** How often each 办理结果 row takes a processed application. */
    private static final Map<ApplicationRow, Integer> RESULT_WEIGHTS = weights();

    private final long seed;
    private final double injectedShare;

    /** @param injectedShare the share of reports (0–1) that carry one injected inconsistency */
    public ReportGenerator(long seed, double injectedShare) {
        this.seed = seed;
        this.injectedShare = injectedShare;
    }

    /** Reports 0 … count-1. */
    public List<LabelledReport> reports(int count) {
        return IntStream.range(0, count).mapToObj(this::report).toList();
    }

    /** The report at {@code index}: the same for a seed whatever else is generated. */
    public LabelledReport report(int index) {
        // Mixed first: java.util.Random's first draws from neighbouring seeds are nearly equal.
        Random random = new Random(new SplittableRandom(seed * 1_000_003L + index).nextLong());
        Injection injection = random.nextDouble() < injectedShare
                ? Injection.values()[random.nextInt(Injection.values().length)]
                : null;
        int year = FIRST_YEAR + random.nextInt(LAST_YEAR - FIRST_YEAR + 1);
        String template = year <= 2020 ? "2019" : "2021";
        if (injection == Injection.TPL_YEAR) {
            template = template.equals("2019") ? "2021" : "2019";
        }
        int periodYear = injection == Injection.YR_TITLE_PERIOD ? year - 1 : year;
        Agencies.Agency picked = Agencies.pick(random, year);
        String agency = picked.name();
        String title = random.nextBoolean()
                ? agency + year + "年政府信息公开工作年度报告"
                : agency + year + "年度政府信息公开工作年度报告";
        LocalDate published = LocalDate.of(year + 1, 1, 10 + random.nextInt(22));

        Map<ApplicationRow, List<Integer>> rows = applications(random, template);
        CaseOutcomes review = cases(random, 4);
        CaseOutcomes direct = cases(random, 2);
        CaseOutcomes afterReview = cases(random, 2);
        if (injection != null) {
            switch (injection) {
                case S3_BALANCE -> bump(rows.get(ApplicationRow.CARRIED_FORWARD), random.nextInt(APPLICANT_COLUMNS));
                case S3_ROWTOTAL -> {
                    List<Integer> row = rows.get(ApplicationRow.NEW_APPLICATIONS);
                    row.set(APPLICANT_COLUMNS, row.get(APPLICANT_COLUMNS) + 1 + random.nextInt(3));
                }
                case S3_RESULTS -> bump(rows.get(ApplicationRow.GRANTED), random.nextInt(APPLICANT_COLUMNS));
                case S4_TOTAL -> review.setTotal(review.getTotal() + 1);
                case NUM_DOMAIN -> {
                    direct.setPending(-1);
                    direct.setTotal(direct.getUpheld() + direct.getCorrected() + direct.getOther() - 1);
                }
                default -> {
                    // the prose, title and template injections are applied where those are written
                }
            }
        }
        Applications applications = ApplicationRow.record(rows::get);
        int received = applications.getNewApplications().get(APPLICANT_COLUMNS);
        String self = self(agency);
        ParsedReport truth = ParsedReport.newBuilder()
                .setReportId("generated-" + seed + "-" + index)
                .setAgency(agency)
                .setYear(year)
                .setTemplate(template)
                .setTitle(title)
                .setTitleYear(year)
                .setPeriodYear(periodYear)
                .setPublicationDate(published.toString())
                .setDivision(picked.division())
                .setSource(Source.newBuilder().setMediaType("text/plain").setSizeBytes(0).setReceivedAt(Instant.EPOCH)
                        .build())
                .setParserVersion(ReportParser.PARSER_VERSION)
                .setActive(template.equals("2019") ? active2019(random) : active2021(random))
                .setApplications(applications)
                .setReview(review)
                .setLitigationDirect(direct)
                .setLitigationAfterReview(afterReview)
                .setNarrative(Narrative.newBuilder()
                        .setOverview(overview(random, year, self, received, applications, injection))
                        .setProblems(GeneratedProse.problems(random, year, self))
                        .setOtherMatters(GeneratedProse.otherMatters(random, self))
                        .build())
                .setCompleteness(Completeness.newBuilder()
                        .setSectionsFound(List.of("1", "2", "3", "4", "5", "6"))
                        .setTablesFound(List.of("active", "applications", "cases"))
                        .build())
                .setWarnings(List.of())
                .build();
        return new LabelledReport("r" + seed + "-" + String.format(Locale.ROOT, "%04d", index), truth,
                injection == null ? List.of() : List.of(injection));
    }

    /** Every column balances, every row total is its sum, every result row sums to （七）总计. */
    private static Map<ApplicationRow, List<Integer>> applications(Random random, String template) {
        List<ApplicationRow> resultRows = Template.orCurrent(template).resultRows();
        Map<ApplicationRow, int[]> cells = new EnumMap<>(ApplicationRow.class);
        for (ApplicationRow row : Template.orCurrent(template).applicationRows()) {
            cells.put(row, new int[APPLICANT_COLUMNS + 1]);
        }
        int totalWeight = resultRows.stream().mapToInt(RESULT_WEIGHTS::get).sum();
        for (int c = 0; c < APPLICANT_COLUMNS; c++) {
            int received = (c == 0 ? 1 : 0) + random.nextInt(NEW_MAX[c] + 1);
            int carried = random.nextInt(c == 0 ? 4 : 2);
            int forward = random.nextInt(Math.min(2, received + carried) + 1);
            int processed = received + carried - forward;
            cells.get(ApplicationRow.NEW_APPLICATIONS)[c] = received;
            cells.get(ApplicationRow.CARRIED_OVER)[c] = carried;
            cells.get(ApplicationRow.CARRIED_FORWARD)[c] = forward;
            cells.get(ApplicationRow.TOTAL_PROCESSED)[c] = processed;
            for (int i = 0; i < processed; i++) {
                int pick = random.nextInt(totalWeight);
                for (ApplicationRow row : resultRows) {
                    pick -= RESULT_WEIGHTS.get(row);
                    if (pick < 0) {
                        cells.get(row)[c]++;
                        break;
                    }
                }
            }
        }
        Map<ApplicationRow, List<Integer>> rows = new EnumMap<>(ApplicationRow.class);
        cells.forEach((row, values) -> {
            values[APPLICANT_COLUMNS] = Arrays.stream(values, 0, APPLICANT_COLUMNS).sum();
            rows.put(row, new ArrayList<>(Arrays.stream(values).boxed().toList()));
        });
        return rows;
    }

    /** One cell one too high, and its row total with it, so only the identity under test breaks. */
    private static void bump(List<Integer> row, int column) {
        row.set(column, row.get(column) + 1);
        row.set(APPLICANT_COLUMNS, row.get(APPLICANT_COLUMNS) + 1);
    }

    private static CaseOutcomes cases(Random random, int max) {
        int upheld = random.nextInt(max + 1);
        int corrected = random.nextInt(max / 2 + 1);
        int other = random.nextInt(max / 2 + 1);
        int pending = random.nextInt(max / 2 + 1);
        return CaseOutcomes.newBuilder().setUpheld(upheld).setCorrected(corrected).setOther(other).setPending(pending)
                .setTotal(upheld + corrected + other + pending).build();
    }

    private static ActiveDisclosure active2021(Random random) {
        int regulationsInForce = 2 + random.nextInt(20);
        int normativeInForce = 10 + random.nextInt(100);
        return ActiveDisclosure.newBuilder()
                .setRegulations(DocumentCounts.newBuilder().setIssued(random.nextInt(3)).setRepealed(random.nextInt(2))
                        .setInForce(regulationsInForce).build())
                .setNormativeDocuments(DocumentCounts.newBuilder().setIssued(1 + random.nextInt(20))
                        .setRepealed(random.nextInt(6)).setInForce(normativeInForce).build())
                .setLicensing(DecisionCounts.newBuilder().setDecisions(10 + random.nextInt(3000)).build())
                .setPenalties(DecisionCounts.newBuilder().setDecisions(5 + random.nextInt(900)).build())
                .setEnforcement(DecisionCounts.newBuilder().setDecisions(random.nextInt(50)).build())
                .setFees(Fees.newBuilder().setAmountWan(Double.valueOf(amount(random))).build())
                .build();
    }

    private static ActiveDisclosure active2019(Random random) {
        boolean inYuan = random.nextInt(3) > 0;
        String procurementText = inYuan ? (1000 + random.nextInt(2_000_000)) + "元" : amount(random) + "万元";
        double procurementWan = inYuan
                ? Double.parseDouble(procurementText.replace("元", "")) / 10_000
                : Double.parseDouble(procurementText.replace("万元", ""));
        return ActiveDisclosure.newBuilder()
                .setRegulations(documents2019(random, 3))
                .setNormativeDocuments(documents2019(random, 20))
                .setLicensing(decisions2019(random, 400, 3000))
                .setOtherServices(decisions2019(random, 50, 300))
                .setPenalties(decisions2019(random, 200, 900))
                .setEnforcement(decisions2019(random, 30, 50))
                .setFees(Fees.newBuilder().setLastYearItems(1 + random.nextInt(30)).setChange(random.nextInt(9) - 3)
                        .build())
                .setProcurement(Procurement.newBuilder().setProjects(1 + random.nextInt(40)).setAmountWan(procurementWan)
                        .setAmountText(procurementText).build())
                .build();
    }

    private static DocumentCounts documents2019(Random random, int max) {
        int made = 1 + random.nextInt(max);
        int published = random.nextInt(made + 1);
        return DocumentCounts.newBuilder().setNewlyMade(made).setNewlyPublished(published)
                .setTotalPublished(published + random.nextInt(5 * max)).build();
    }

    private static DecisionCounts decisions2019(Random random, int items, int decisions) {
        return DecisionCounts.newBuilder().setLastYearItems(1 + random.nextInt(items))
                .setChange(random.nextInt(items / 5 + 1) - items / 20).setDecisions(random.nextInt(decisions)).build();
    }

    /** An amount in 万元 as printed, two decimals: the truth is what the printed digits say. */
    private static String amount(Random random) {
        return String.format(Locale.ROOT, "%.2f", (1 + random.nextInt(50_000)) / 100.0);
    }

    private static String overview(Random random, int year, String self, int received, Applications applications,
            Injection injection) {
        int carried = applications.getCarriedOver().get(APPLICANT_COLUMNS);
        int processed = applications.getTotalProcessed().get(APPLICANT_COLUMNS);
        String applicationsText;
        if (injection == Injection.PROSE_NONE) {
            applicationsText = "全年未收到政府信息公开申请。";
        } else {
            int printed = injection == Injection.PROSE_COUNT ? received + 1 + random.nextInt(5) : received;
            applicationsText = "全年共收到政府信息公开申请" + printed + "件，上年结转" + carried + "件，已办结" + processed
                    + "件，均在法定期限内答复。";
        }
        return GeneratedProse.overview(random, year, self, injection == Injection.PROSE_SUM, applicationsText);
    }

    private static String self(String agency) {
        if (agency.contains("镇")) {
            return "我镇";
        }
        if (agency.contains("乡")) {
            return "我乡";
        }
        return agency.endsWith("局") ? "我局" : "我市";
    }

    private static Map<ApplicationRow, Integer> weights() {
        Map<ApplicationRow, Integer> weights = new EnumMap<>(ApplicationRow.class);
        weights.put(ApplicationRow.GRANTED, 40);
        weights.put(ApplicationRow.PARTIALLY_GRANTED, 10);
        weights.put(ApplicationRow.STATE_SECRET, 2);
        weights.put(ApplicationRow.LAW_PROHIBITED, 2);
        weights.put(ApplicationRow.THREE_SECURITY, 2);
        weights.put(ApplicationRow.THIRD_PARTY, 1);
        weights.put(ApplicationRow.INTERNAL_AFFAIRS, 2);
        weights.put(ApplicationRow.PROCESS_INFORMATION, 1);
        weights.put(ApplicationRow.ENFORCEMENT_FILES, 1);
        weights.put(ApplicationRow.QUERY_MATTERS, 1);
        weights.put(ApplicationRow.NOT_HELD, 20);
        weights.put(ApplicationRow.NEEDS_CREATION, 3);
        weights.put(ApplicationRow.STILL_UNCLEAR, 3);
        weights.put(ApplicationRow.COMPLAINT, 4);
        weights.put(ApplicationRow.DUPLICATE, 3);
        weights.put(ApplicationRow.PUBLICATION, 2);
        weights.put(ApplicationRow.EXCESSIVE, 1);
        weights.put(ApplicationRow.CONFIRMATION, 1);
        weights.put(ApplicationRow.NO_CORRECTION, 3);
        weights.put(ApplicationRow.NO_FEE, 1);
        weights.put(ApplicationRow.OTHER, 2);
        weights.put(ApplicationRow.OTHER_TOTAL, 6);
        return Map.copyOf(weights);
    }
}
