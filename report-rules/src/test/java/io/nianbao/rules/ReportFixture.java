package io.nianbao.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.nianbao.schema.ActiveDisclosure;
import io.nianbao.schema.Applications;
import io.nianbao.schema.CaseOutcomes;
import io.nianbao.schema.Completeness;
import io.nianbao.schema.Denied;
import io.nianbao.schema.Division;
import io.nianbao.schema.DocumentCounts;
import io.nianbao.schema.Narrative;
import io.nianbao.schema.NotProcessed;
import io.nianbao.schema.OtherHandling;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Source;
import io.nianbao.schema.Unavailable;

/**
 * Test data: a ParsedReport that satisfies every identity by construction (the derived rows and totals are
 * computed from a few result figures), then bent cell by cell to make one identity fail or go unread.
 * Rows are addressed by their canonical path below {@code applications} ("granted", "denied.stateSecret").
 */
public final class ReportFixture {
    private static final List<Integer> ZEROS = List.of(0, 0, 0, 0, 0, 0);
    /** The six applicant cells of the result rows that hold something; every other result row is zeros. */
    private static final Map<String, List<Integer>> RESULTS = Map.of(
            "granted", List.of(4, 2, 1, 0, 1, 0),
            "partiallyGranted", List.of(1, 1, 0, 0, 0, 0),
            "denied.thirdPartyRights", List.of(1, 0, 0, 0, 0, 0),
            "unavailable.notHeld", List.of(2, 0, 0, 1, 0, 0),
            "notProcessed.duplicate", List.of(1, 0, 0, 0, 0, 0),
            "otherHandling.other", List.of(1, 0, 0, 0, 0, 1),
            "otherHandling.total", List.of(1, 0, 0, 0, 0, 1));
    private static final List<Integer> CARRIED_OVER = List.of(2, 1, 0, 0, 0, 0);
    private static final List<Integer> CARRIED_FORWARD = List.of(1, 0, 0, 0, 1, 0);
    private static final List<String> COMMON_RESULT_ROWS = List.of("granted", "partiallyGranted",
            "denied.stateSecret", "denied.lawProhibited", "denied.threeSecurityOneStability",
            "denied.thirdPartyRights", "denied.internalAffairs", "denied.processInformation",
            "denied.enforcementFiles", "denied.queryMatters",
            "unavailable.notHeld", "unavailable.needsCreation", "unavailable.stillUnclear",
            "notProcessed.complaint", "notProcessed.duplicate", "notProcessed.publication",
            "notProcessed.excessive", "notProcessed.confirmation");
    private static final int SECTION_FOUR_CELLS = 15;

    private static final List<String> ALL_SECTIONS = List.of("1", "2", "3", "4", "5", "6");

    private String template;
    private int year;
    private Integer titleYear;
    private Integer periodYear;
    private String publicationDate;
    private List<String> sectionsFound = ALL_SECTIONS;
    private String overview = "本年度，我镇认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开工作。";
    private String problems = "存在的问题：信息发布不够及时。改进情况：加强培训，规范发布流程，确保信息及时准确公开。";
    private String otherMatters = "本年度未收取信息处理费。";
    /** Section 三 rows of the template, 7 cells each (the last the row total); a removed row maps to null. */
    private final Map<String, List<Integer>> rows = new LinkedHashMap<>();
    private final Map<String, Integer[]> caseGroups = new LinkedHashMap<>();
    private boolean applicationsRead = true;
    private ActiveDisclosure active;
    private String reportId = "f".repeat(64);
    private String agency = "盐池县花马池镇人民政府";
    private String provinceCode = "64";
    private String countyCode = "640323";
    private String townCode;
    private int cellsRead;
    private int cellsExpected;

    private ReportFixture(String template, int year, List<String> otherHandlingRows) {
        this.template = template;
        this.year = year;
        this.titleYear = year;
        this.periodYear = year;
        this.active = "2019".equals(template)
                ? activeOf(DocumentCounts.newBuilder().setNewlyMade(2).setNewlyPublished(2).setTotalPublished(10).build())
                : activeOf(DocumentCounts.newBuilder().setIssued(1).setRepealed(0).setInForce(5).build());
        List<String> results = Stream.concat(COMMON_RESULT_ROWS.stream(), otherHandlingRows.stream()).toList();
        List<Integer> processed = new ArrayList<>(ZEROS);
        for (String row : results) {
            List<Integer> cells = RESULTS.getOrDefault(row, ZEROS);
            for (int c = 0; c < 6; c++) {
                processed.set(c, processed.get(c) + cells.get(c));
            }
        }
        List<Integer> newApplications = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            newApplications.add(processed.get(c) + CARRIED_FORWARD.get(c) - CARRIED_OVER.get(c));
        }
        putRow("newApplications", newApplications);
        putRow("carriedOver", CARRIED_OVER);
        results.forEach(row -> putRow(row, RESULTS.getOrDefault(row, ZEROS)));
        putRow("totalProcessed", processed);
        putRow("carriedForward", CARRIED_FORWARD);
        caseGroups.put("review", new Integer[] {1, 1, 0, 1, 3});
        caseGroups.put("litigationDirect", new Integer[] {1, 0, 0, 0, 1});
        caseGroups.put("litigationAfterReview", new Integer[] {0, 0, 0, 0, 0});
        cellsExpected = rows.size() * 7 + SECTION_FOUR_CELLS;
        cellsRead = cellsExpected;
    }

    /** A 2023 report on the 2021 template: （六）其他处理 in three rows. */
    public static ReportFixture consistent2021() {
        return new ReportFixture("2021", 2023,
                List.of("otherHandling.noCorrection", "otherHandling.noFee", "otherHandling.other"));
    }

    /** A 2020 report on the 2019 template: （六）其他处理 in one row. */
    public static ReportFixture consistent2019() {
        return new ReportFixture("2019", 2020, List.of("otherHandling.total"));
    }

    /** The parser did not recognise the template. */
    public ReportFixture unknownTemplate() {
        this.template = null;
        return this;
    }

    /** Sets one section 三 cell (column 0–6; 6 is the row total); null = not read. */
    public ReportFixture cell(String row, int column, Integer value) {
        List<Integer> cells = rows.get(row);
        if (cells == null) {
            // a row the template lacks, e.g. otherHandling.total in a 2021 report, as a parser might still emit
            cells = new ArrayList<>(Arrays.asList(new Integer[7]));
            rows.put(row, cells);
        }
        cells.set(column, value);
        return this;
    }

    public ReportFixture withoutRow(String row) {
        rows.put(row, null);
        return this;
    }

    public ReportFixture withoutApplications() {
        applicationsRead = false;
        return this;
    }

    /** Sets a section 四 group ("review", "litigationDirect", "litigationAfterReview"). */
    public ReportFixture caseGroup(String group, Integer upheld, Integer corrected, Integer other, Integer pending,
            Integer total) {
        caseGroups.put(group, new Integer[] {upheld, corrected, other, pending, total});
        return this;
    }

    public ReportFixture withoutCaseGroup(String group) {
        caseGroups.put(group, null);
        return this;
    }

    public ReportFixture active(ActiveDisclosure active) {
        this.active = active;
        return this;
    }

    /** The report's year, in the title and the statistics period alike. */
    public ReportFixture year(int year) {
        this.year = year;
        this.titleYear = year;
        this.periodYear = year;
        return this;
    }

    /** The years the title and the statistics period print; null = not read. */
    public ReportFixture titleAndPeriodYears(Integer titleYear, Integer periodYear) {
        this.titleYear = titleYear;
        this.periodYear = periodYear;
        return this;
    }

    /** ISO date the report prints, or null. */
    public ReportFixture publicationDate(String publicationDate) {
        this.publicationDate = publicationDate;
        return this;
    }

    public ReportFixture overview(String overview) {
        this.overview = overview;
        return this;
    }

    public ReportFixture problems(String problems) {
        this.problems = problems;
        return this;
    }

    public ReportFixture otherMatters(String otherMatters) {
        this.otherMatters = otherMatters;
        return this;
    }

    public ReportFixture sectionsFound(String... sections) {
        this.sectionsFound = List.of(sections);
        return this;
    }

    public ReportFixture template(String template) {
        this.template = template;
        return this;
    }

    public ReportFixture cellsRead(int read, int expected) {
        this.cellsRead = read;
        this.cellsExpected = expected;
        return this;
    }

    public ReportFixture reportId(String reportId) {
        this.reportId = reportId;
        return this;
    }

    public ReportFixture agency(String agency) {
        this.agency = agency;
        return this;
    }

    /** Resolved to another county than 盐池县 640323, and to one of its towns unless {@code townCode} is null. */
    public ReportFixture division(String countyCode, String townCode) {
        this.countyCode = countyCode;
        this.townCode = townCode;
        return this;
    }

    /** The division could not be resolved: no province code. */
    public ReportFixture unresolvedDivision() {
        this.provinceCode = null;
        return this;
    }

    public ParsedReport build() {
        boolean resolved = provinceCode != null;
        return ParsedReport.newBuilder()
                .setReportId(reportId)
                .setAgency(agency)
                .setYear(year)
                .setTemplate(template)
                .setTitle(agency + year + "年政府信息公开工作年度报告")
                .setTitleYear(titleYear)
                .setPeriodYear(periodYear)
                .setPublicationDate(publicationDate)
                .setDivision(Division.newBuilder()
                        .setStatus(resolved ? "resolved" : "unresolved")
                        .setProvinceCode(provinceCode)
                        .setProvinceName(resolved ? "宁夏回族自治区" : null)
                        .setCountyCode(resolved ? countyCode : null)
                        .setCountyName(resolved && "640323".equals(countyCode) ? "盐池县" : null)
                        .setTownCode(resolved ? townCode : null)
                        .build())
                .setSource(Source.newBuilder()
                        .setUrl("https://www.yanchi.gov.cn/xxgk/ndbg/" + year + ".html")
                        .setMediaType("text/html")
                        .setSizeBytes(4096)
                        .setReceivedAt(Instant.parse("2024-01-20T08:00:00Z"))
                        .build())
                .setParserVersion("test")
                .setActive(active)
                .setApplications(applicationsRead ? applications() : null)
                .setReview(caseOutcomes("review"))
                .setLitigationDirect(caseOutcomes("litigationDirect"))
                .setLitigationAfterReview(caseOutcomes("litigationAfterReview"))
                .setNarrative(Narrative.newBuilder().setOverview(overview).setProblems(problems)
                        .setOtherMatters(otherMatters).build())
                .setCompleteness(Completeness.newBuilder()
                        .setSectionsFound(sectionsFound)
                        .setTablesFound(tablesFound())
                        .setCellsRead(cellsRead)
                        .setCellsExpected(cellsExpected)
                        .build())
                .build();
    }

    private List<String> tablesFound() {
        List<String> tables = new ArrayList<>();
        if (active != null) {
            tables.add("active");
        }
        if (applicationsRead) {
            tables.add("applications");
        }
        if (caseGroups.values().stream().anyMatch(group -> group != null)) {
            tables.add("cases");
        }
        return tables;
    }

    private static ActiveDisclosure activeOf(DocumentCounts documents) {
        return ActiveDisclosure.newBuilder().setRegulations(documents).setNormativeDocuments(documents).build();
    }

    private void putRow(String row, List<Integer> applicants) {
        List<Integer> cells = new ArrayList<>(applicants);
        cells.add(applicants.stream().mapToInt(Integer::intValue).sum());
        rows.put(row, cells);
    }

    private List<Integer> row(String name) {
        List<Integer> cells = rows.get(name);
        return cells == null ? null : new ArrayList<>(cells);
    }

    private Applications applications() {
        return Applications.newBuilder()
                .setNewApplications(row("newApplications"))
                .setCarriedOver(row("carriedOver"))
                .setGranted(row("granted"))
                .setPartiallyGranted(row("partiallyGranted"))
                .setDenied(Denied.newBuilder()
                        .setStateSecret(row("denied.stateSecret"))
                        .setLawProhibited(row("denied.lawProhibited"))
                        .setThreeSecurityOneStability(row("denied.threeSecurityOneStability"))
                        .setThirdPartyRights(row("denied.thirdPartyRights"))
                        .setInternalAffairs(row("denied.internalAffairs"))
                        .setProcessInformation(row("denied.processInformation"))
                        .setEnforcementFiles(row("denied.enforcementFiles"))
                        .setQueryMatters(row("denied.queryMatters"))
                        .build())
                .setUnavailable(Unavailable.newBuilder()
                        .setNotHeld(row("unavailable.notHeld"))
                        .setNeedsCreation(row("unavailable.needsCreation"))
                        .setStillUnclear(row("unavailable.stillUnclear"))
                        .build())
                .setNotProcessed(NotProcessed.newBuilder()
                        .setComplaint(row("notProcessed.complaint"))
                        .setDuplicate(row("notProcessed.duplicate"))
                        .setPublication(row("notProcessed.publication"))
                        .setExcessive(row("notProcessed.excessive"))
                        .setConfirmation(row("notProcessed.confirmation"))
                        .build())
                .setOtherHandling(OtherHandling.newBuilder()
                        .setNoCorrection(row("otherHandling.noCorrection"))
                        .setNoFee(row("otherHandling.noFee"))
                        .setOther(row("otherHandling.other"))
                        .setTotal(row("otherHandling.total"))
                        .build())
                .setTotalProcessed(row("totalProcessed"))
                .setCarriedForward(row("carriedForward"))
                .build();
    }

    private CaseOutcomes caseOutcomes(String group) {
        Integer[] cells = caseGroups.get(group);
        if (cells == null) {
            return null;
        }
        return CaseOutcomes.newBuilder()
                .setUpheld(cells[0])
                .setCorrected(cells[1])
                .setOther(cells[2])
                .setPending(cells[3])
                .setTotal(cells[4])
                .build();
    }
}
