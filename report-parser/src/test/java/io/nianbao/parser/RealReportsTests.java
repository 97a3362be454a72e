package io.nianbao.parser;

import static io.nianbao.parser.Seeds.NONE;
import static io.nianbao.parser.Seeds.outcomes;
import static io.nianbao.parser.Seeds.row;
import static io.nianbao.parser.Seeds.rows2021;
import static io.nianbao.parser.Seeds.zeros;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.nianbao.schema.Applications;
import io.nianbao.schema.CaseOutcomes;
import io.nianbao.schema.DocumentCounts;
import io.nianbao.schema.ParsedReport;

/**
 * The six reports of {@code samples/real-reports/} as they were found (SOURCES.tsv says what damaged each), against
 * their truth read by hand from the text. Where the text does not decide a cell, the truth is null.
 */
class RealReportsTests {
    private static final Path DIRECTORY = Path.of(System.getProperty("nianbao.realReports", "../samples/real-reports"));
    private static final ReportParser PARSER = new ReportParser();

    private static ParsedReport parse(String number) throws ReportParseException {
        try {
            byte[] bytes = Files.readAllBytes(DIRECTORY.resolve(number + ".txt"));
            return PARSER.parse(bytes, new SourceInfo(null, null, number + ".txt", "crawl", null, null, null,
                    Instant.parse("2025-02-01T00:00:00Z")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DocumentCounts documents2021(Integer issued, Integer repealed, Integer inForce) {
        return DocumentCounts.newBuilder().setIssued(issued).setRepealed(repealed).setInForce(inForce).build();
    }


    /** 001's section 三 as printed (pdftotext -layout), in {@link #rows2021} order. */
    static final List<List<Integer>> HUAIAN_2024 = List.of(
            row(3001, 53, 0, 0, 61, 4, 3119), row(34, 0, 0, 0, 0, 0, 34), row(1288, 21, 0, 0, 50, 3, 1362),
            row(447, 7, 0, 0, 0, 0, 454), row(2, 0, 0, 0, 0, 0, 2), row(30, 1, 0, 0, 0, 0, 31),
            row(5, 0, 0, 0, 0, 0, 5), row(6, 0, 0, 0, 0, 0, 6), row(7, 1, 0, 0, 0, 0, 8), row(12, 0, 0, 0, 0, 0, 12),
            row(9, 0, 0, 0, 0, 0, 9), row(105, 0, 0, 0, 0, 0, 105), row(746, 12, 0, 0, 10, 1, 769),
            row(11, 0, 0, 0, 0, 0, 11), row(1, 0, 0, 0, 0, 0, 1), row(56, 6, 0, 0, 0, 0, 62),
            row(25, 0, 0, 0, 0, 0, 25), zeros(), zeros(), row(1, 0, 0, 0, 0, 0, 1), row(67, 3, 0, 0, 1, 0, 71),
            row(6, 0, 0, 0, 0, 0, 6), row(108, 2, 0, 0, 0, 0, 110), row(2932, 53, 0, 0, 61, 4, 3050),
            row(103, 0, 0, 0, 0, 0, 103));

    @Test
    void report001HuaianWithPageFooterAndVerticalLabelInsideTheTableIsReadCompletely() throws Exception {
        ParsedReport report = parse("001");

        assertThat(report.getAgency()).isEqualTo("淮安市人民政府");
        assertThat(report.getYear()).isEqualTo(2024);
        assertThat(report.getPeriodYear()).isEqualTo(2024);
        assertThat(report.getTemplate()).isEqualTo("2021");
        assertThat(report.getParserVersion()).isEqualTo("0.6.0");
        assertThat(report.getActive().getRegulations()).isEqualTo(documents2021(1, 0, 11));
        assertThat(report.getActive().getNormativeDocuments()).isEqualTo(documents2021(8, 26, 66));
        assertThat(report.getActive().getLicensing().getDecisions()).isEqualTo(447228);
        assertThat(report.getActive().getPenalties().getDecisions()).isEqualTo(3985758);
        assertThat(report.getActive().getEnforcement().getDecisions()).isEqualTo(88283);
        assertThat(report.getActive().getFees().getAmountWan()).isEqualTo(96171.6);
        assertThat(rows2021(report.getApplications())).isEqualTo(HUAIAN_2024);
        assertThat(report.getReview()).isEqualTo(outcomes(72, 64, 178, 37, 351));
        assertThat(report.getLitigationDirect()).isEqualTo(outcomes(13, 4, 8, 1, 26));
        assertThat(report.getLitigationAfterReview()).isEqualTo(outcomes(12, 1, 1, 6, 20));
        assertThat(report.getCompleteness().getCellsRead()).isEqualTo(200);
        assertThat(report.getCompleteness().getInferredCells()).isEmpty();
    }

    @Test
    void report002PingtanWithEveryCellRunTogetherIsSplitByTheTemplatesIdentities() throws Exception {
        ParsedReport report = parse("002");

        assertThat(report.getAgency()).isEqualTo("平潭综合实验区");
        assertThat(report.getYear()).isEqualTo(2021);
        assertThat(report.getPeriodYear()).isEqualTo(2021);
        assertThat(report.getTemplate()).isEqualTo("2021");
        assertThat(report.getPublicationDate()).isEqualTo("2022-02-08");
        assertThat(report.getCompleteness().getSectionsFound()).containsExactly("1", "2", "3", "4", "5", "6");

        Applications a = report.getApplications();
        assertThat(rows2021(a)).isEqualTo(List.of(
                row(64, 0, 0, 2, 0, 4, 70), zeros(), row(27, 0, 0, 2, 0, 1, 30), row(5, 0, 0, 0, 0, 0, 5),
                zeros(), zeros(), zeros(), zeros(), row(1, 0, 0, 0, 0, 0, 1), zeros(), row(6, 0, 0, 0, 0, 0, 6),
                row(1, 0, 0, 0, 0, 0, 1), row(22, 0, 0, 0, 0, 3, 25), zeros(), zeros(), zeros(), zeros(), zeros(),
                zeros(), zeros(), zeros(), zeros(), row(1, 0, 0, 0, 0, 0, 1), row(63, 0, 0, 2, 0, 4, 69),
                row(1, 0, 0, 0, 0, 0, 1)));
        // 「270020130」 and 「2200003 25」 each split two ways with a valid row total; only the columns decide.
        assertThat(report.getCompleteness().getInferredCells())
                .hasSize(14)
                .allMatch(path -> path.startsWith("applications.granted[")
                        || path.startsWith("applications.unavailable.notHeld["));

        assertThat(report.getReview()).isEqualTo(outcomes(1, 0, 2, 0, 3));
        assertThat(report.getLitigationDirect()).isEqualTo(outcomes(12, 0, 0, 0, 12));
        assertThat(report.getLitigationAfterReview()).isEqualTo(NONE);

        assertThat(report.getActive().getRegulations()).isEqualTo(documents2021(0, 0, 0));
        assertThat(report.getActive().getLicensing().getDecisions()).isEqualTo(2293);
        assertThat(report.getActive().getPenalties().getDecisions()).isEqualTo(1282);
        assertThat(report.getActive().getEnforcement().getDecisions()).isEqualTo(42);
        // 「693665」 has no identity to split it by (69|3|665? 6|93|665?): null, and said so.
        assertThat(report.getActive().getNormativeDocuments()).isNull();
        assertThat(report.getWarnings()).anyMatch(w -> w.contains("normativeDocuments") && w.contains("693665"));
    }

    @Test
    void report003PingtanOn2019TemplateReadsItsRunTogetherMatrixAndLeavesUndecidableSectionTwoNull()
            throws Exception {
        ParsedReport report = parse("003");

        assertThat(report.getYear()).isEqualTo(2019);
        assertThat(report.getTemplate()).isEqualTo("2019");
        Applications a = report.getApplications();
        assertThat(a.getNewApplications()).isEqualTo(row(23, 0, 0, 0, 0, 0, 23));
        assertThat(a.getGranted()).isEqualTo(row(7, 0, 0, 0, 0, 0, 7));
        assertThat(a.getPartiallyGranted()).isEqualTo(row(1, 0, 0, 0, 0, 0, 1));
        assertThat(a.getUnavailable().getNotHeld()).isEqualTo(row(7, 0, 0, 0, 0, 0, 7));
        assertThat(a.getUnavailable().getStillUnclear()).isEqualTo(row(5, 0, 0, 0, 0, 0, 5));
        assertThat(a.getNotProcessed().getDuplicate()).isEqualTo(row(3, 0, 0, 0, 0, 0, 3));
        assertThat(a.getOtherHandling().getTotal()).isEqualTo(zeros());
        assertThat(a.getOtherHandling().getNoCorrection()).isNull();
        assertThat(a.getTotalProcessed()).isEqualTo(row(23, 0, 0, 0, 0, 0, 23));
        assertThat(a.getCarriedForward()).isEqualTo(zeros());
        assertThat(report.getReview()).isEqualTo(NONE);
        assertThat(report.getLitigationDirect()).isEqualTo(NONE);
        assertThat(report.getLitigationAfterReview()).isEqualTo(NONE);
        assertThat(report.getActive().getRegulations().getTotalPublished()).isZero();
        // 「13575394432.52元」 is 135 items + 75394432.52元 to a reader who knows the answer; nothing in the text says so.
        assertThat(report.getActive().getProcurement()).isNull();
        assertThat(report.getActive().getLicensing()).isNull();
        assertThat(report.getWarnings()).anyMatch(w -> w.contains("licensing") && w.contains("3960181"));
    }

    @Test
    void report006PingtanWithSpacedLabelsAndRunTogetherDigitsIsReadCompletelyItsAmbiguousRowSplitAsTheProseStates()
            throws Exception {
        ParsedReport report = parse("006");

        assertThat(report.getYear()).isEqualTo(2022);
        assertThat(report.getCompleteness().getSectionsFound()).containsExactly("1", "2", "3", "4", "5", "6");
        Applications a = report.getApplications();
        assertThat(rows2021(a)).isEqualTo(List.of(
                row(71, 3, 0, 0, 0, 0, 74), row(1, 0, 0, 0, 0, 0, 1), row(21, 0, 0, 0, 0, 0, 21),
                row(8, 1, 0, 0, 0, 0, 9), zeros(), zeros(), zeros(), zeros(), row(1, 0, 0, 0, 0, 0, 1),
                row(2, 0, 0, 0, 0, 0, 2), row(1, 0, 0, 0, 0, 0, 1), zeros(), row(37, 0, 0, 0, 0, 0, 37), zeros(),
                zeros(), zeros(), zeros(), zeros(), zeros(), zeros(), row(2, 0, 0, 0, 0, 0, 2), zeros(),
                row(0, 2, 0, 0, 0, 0, 2), row(72, 3, 0, 0, 0, 0, 75), zeros()));
        assertThat(report.getReview()).isEqualTo(outcomes(0, 1, 1, 0, 2));
        assertThat(report.getLitigationDirect()).isEqualTo(outcomes(1, 0, 0, 0, 1));
        assertThat(report.getLitigationAfterReview()).isEqualTo(NONE);
        assertThat(report.getActive().getLicensing().getDecisions()).isEqualTo(10690);
        assertThat(report.getActive().getPenalties().getDecisions()).isEqualTo(2113);
        assertThat(report.getActive().getEnforcement().getDecisions()).isZero();
        assertThat(report.getActive().getFees().getAmountWan()).isEqualTo(9116.36);
        // 「8855698」 splits 15 ways; the prose states 现行有效 698 and 制发 88.
        var documents = report.getActive().getNormativeDocuments();
        assertThat(List.of(documents.getIssued(), documents.getRepealed(), documents.getInForce()))
                .containsExactly(88, 55, 698);
        assertThat(report.getCompleteness().getInferredCells()).contains("active.normativeDocuments.repealed");
        assertThat(report.getCompleteness().getCellsRead()).isEqualTo(197);
    }

    @Test
    void report012HongzeReadsTheTypoedLabelAndItsSingleOtherHandlingRowAsTheTotalOfTheThreeItems()
            throws Exception {
        ParsedReport report = parse("012");

        assertThat(report.getAgency()).isEqualTo("洪泽区人民政府");
        assertThat(report.getYear()).isEqualTo(2023);
        assertThat(report.getTemplate()).isEqualTo("2021");
        Applications a = report.getApplications();
        // 「2.其他法律行政止公开」 in the source.
        assertThat(a.getDenied().getLawProhibited()).isEqualTo(zeros());
        assertThat(a.getNewApplications()).isEqualTo(row(21, 0, 0, 0, 0, 0, 21));
        assertThat(a.getPartiallyGranted()).isEqualTo(row(4, 0, 0, 0, 0, 0, 4));
        assertThat(a.getUnavailable().getNotHeld()).isEqualTo(row(10, 0, 0, 0, 0, 0, 10));
        assertThat(a.getTotalProcessed()).isEqualTo(row(21, 0, 0, 0, 0, 0, 21));
        assertThat(a.getOtherHandling().getTotal()).isEqualTo(zeros());
        // The three 2021 items sum to the printed row, which is 0 everywhere: each is 0, and marked inferred.
        assertThat(a.getOtherHandling().getNoCorrection()).isEqualTo(zeros());
        assertThat(a.getOtherHandling().getNoFee()).isEqualTo(zeros());
        assertThat(a.getOtherHandling().getOther()).isEqualTo(zeros());
        assertThat(report.getCompleteness().getInferredCells()).contains("applications.otherHandling.noCorrection[0]",
                "applications.otherHandling.other[6]");
        assertThat(report.getWarnings()).anyMatch(w -> w.contains("（六）其他处理 as one row"));
        assertThat(report.getActive().getNormativeDocuments()).isEqualTo(documents2021(0, 5, 5));
        assertThat(report.getActive().getFees().getAmountWan()).isEqualTo(7730.28);
    }

    @Test
    void report017PrintedColumnByColumnReadsEveryCellOf001WithTheRebuildSaid() throws Exception {
        ParsedReport columnWise = parse("017");

        assertThat(columnWise.getActive()).isEqualTo(parse("001").getActive());
        assertThat(rows2021(columnWise.getApplications())).isEqualTo(HUAIAN_2024);
        assertThat(columnWise.getReview()).isEqualTo(outcomes(72, 64, 178, 37, 351));
        assertThat(columnWise.getLitigationDirect()).isEqualTo(outcomes(13, 4, 8, 1, 26));
        assertThat(columnWise.getLitigationAfterReview()).isEqualTo(outcomes(12, 1, 1, 6, 20));
        assertThat(columnWise.getCompleteness().getCellsRead()).isEqualTo(200);
        assertThat(columnWise.getCompleteness().getInferredCells()).isEmpty();
        assertThat(columnWise.getWarnings())
                .anyMatch(w -> w.startsWith("COLUMN_ORDER_REBUILT applications:") && w.contains("25 rows in 2 blocks"))
                .anyMatch(w -> w.startsWith("COLUMN_ORDER_REBUILT active:"));
    }

    @Test
    void report001PrintedRowByRowSaysNothingOfColumns() throws Exception {
        assertThat(parse("001").getWarnings()).noneMatch(w -> w.startsWith("COLUMN_ORDER"));
    }
}
