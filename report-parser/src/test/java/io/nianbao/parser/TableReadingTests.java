package io.nianbao.parser;

import static io.nianbao.parser.Seeds.nulls;
import static io.nianbao.parser.Seeds.row;
import static io.nianbao.parser.Seeds.zeros;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.nianbao.schema.ParsedReport;

/** Section tables read from small hand-made reports: template detection, short rows, split labels, inference. */
class TableReadingTests {
    private static final ReportParser PARSER = new ReportParser();

    private static final String ACTIVE_2021 = """
            信息内容\t本年制发件数\t本年废止件数\t现行有效件数
            规章\t0\t0\t0
            行政规范性文件\t2\t1\t5
            信息内容\t本年处理决定数量
            行政许可\t12
            行政处罚\t3
            行政强制\t0
            信息内容\t本年收费金额（单位：万元）
            行政事业性收费\t1.5
            """;

    private static final String ACTIVE_2019 = """
            信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量
            规章\t0\t0\t0
            规范性文件\t3\t3\t40
            信息内容\t上一年项目数量\t本年增/减\t处理决定数量
            行政许可\t10\t-2\t7
            其他对外管理服务事项\t0\t+1\t0
            行政处罚\t5\t0\t9
            行政强制\t0\t0\t0
            信息内容\t上一年项目数量\t本年增/减
            行政事业性收费\t2\t0
            信息内容\t采购项目数量\t采购总金额
            政府集中采购\t4\t251000元
            """;

    /** Section 三 rows of the 2021 template, all zero unless replaced. */
    private static Map<String, String> rows2021() {
        Map<String, String> rows = new LinkedHashMap<>();
        String z = "\t0\t0\t0\t0\t0\t0\t0";
        rows.put("new", "一、本年新收政府信息公开申请数量" + z);
        rows.put("carriedOver", "二、上年结转政府信息公开申请数量" + z);
        rows.put("granted", "三、本年度办理结果\t(一)予以公开" + z);
        rows.put("partial", "\t(二)部分公开(区分处理的,只计这一情形,不计其他情形)" + z);
        String[] denied = {"1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
            "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"};
        for (String label : denied) {
            rows.put(label, "\t(三)不予公开\t" + label + z);
        }
        String[] unavailable = {"1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"};
        for (String label : unavailable) {
            rows.put(label, "\t(四)无法提供\t" + label + z);
        }
        String[] notProcessed = {"1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息"};
        for (String label : notProcessed) {
            rows.put(label, "\t(五)不予处理\t" + label + z);
        }
        rows.put("noCorrection", "\t(六)其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" + z);
        rows.put("noFee", "\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" + z);
        rows.put("other", "\t\t3.其他" + z);
        rows.put("total", "\t(七)总计" + z);
        rows.put("carriedForward", "四、结转下年度继续办理" + z);
        return rows;
    }

    private static String report(String active, Map<String, String> applications) {
        return "测试县测试镇人民政府2022年政府信息公开工作年度报告\n\n一、总体情况\n\n概况。\n\n二、主动公开政府信息情况\n\n"
                + active + "\n三、收到和处理政府信息公开申请情况\n\n" + String.join("\n", applications.values())
                + "\n\n四、政府信息公开行政复议、行政诉讼情况\n\n"
                + SECTION_4 + "\n\n五、存在的主要问题及改进情况\n\n问题。\n\n六、其他需要报告的事项\n\n无。";
    }

    private static ParsedReport parse(String text) throws NotAReportException {
        return PARSER.parse(text, SourceInfo.ofFile("test.txt"));
    }

    @Test
    void section2ColumnsOf2021MakeA2021Report() throws Exception {
        ParsedReport report = parse(report(ACTIVE_2021, rows2021()));

        assertThat(report.getTemplate()).isEqualTo("2021");
        assertThat(report.getActive().getNormativeDocuments().getIssued()).isEqualTo(2);
        assertThat(report.getActive().getNormativeDocuments().getRepealed()).isEqualTo(1);
        assertThat(report.getActive().getNormativeDocuments().getInForce()).isEqualTo(5);
        assertThat(report.getActive().getLicensing().getDecisions()).isEqualTo(12);
        assertThat(report.getActive().getFees().getAmountWan()).isEqualTo(1.5);
        assertThat(report.getWarnings()).filteredOn(w -> !w.startsWith("Division:")).isEmpty();
    }

    @Test
    void section2ColumnsAndOneOtherHandlingRowOf2019MakeA2019Report() throws Exception {
        Map<String, String> rows = rows2021();
        rows.remove("noFee");
        rows.remove("other");
        rows.put("noCorrection", "\t(六)其他处理\t0\t0\t0\t0\t0\t0\t0");

        ParsedReport report = parse(report(ACTIVE_2019, rows));

        assertThat(report.getTemplate()).isEqualTo("2019");
        assertThat(report.getApplications().getOtherHandling().getTotal()).isEqualTo(zeros());
        assertThat(report.getApplications().getOtherHandling().getNoFee()).isNull();
        var active = report.getActive();
        assertThat(active.getNormativeDocuments().getTotalPublished()).isEqualTo(40);
        assertThat(active.getLicensing().getChange()).isEqualTo(-2);
        assertThat(active.getOtherServices().getChange()).isEqualTo(1);
        assertThat(active.getPenalties().getDecisions()).isEqualTo(9);
        assertThat(active.getFees().getLastYearItems()).isEqualTo(2);
        assertThat(active.getProcurement().getProjects()).isEqualTo(4);
        assertThat(active.getProcurement().getAmountText()).isEqualTo("251000元");
        assertThat(active.getProcurement().getAmountWan()).isEqualTo(25.1);
        assertThat(report.getCompleteness().getCellsExpected()).isEqualTo(22 + 23 * 7 + 15);
        assertThat(report.getWarnings()).filteredOn(w -> !w.startsWith("Division:")).isEmpty();
    }

    @Test
    void templatesThatDisagreeAreReportedAndSection2Decides() throws Exception {
        Map<String, String> rows = rows2021();
        rows.remove("noFee");
        rows.remove("other");
        rows.put("noCorrection", "\t(六)其他处理\t0\t0\t0\t0\t0\t0\t0");

        ParsedReport report = parse(report(ACTIVE_2021, rows));

        assertThat(report.getTemplate()).isEqualTo("2021");
        assertThat(report.getWarnings()).anySatisfy(w -> assertThat(w).contains("template is taken from section 二"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(七) Sit", "(+)总计", "(+) Bit", "(十)总计"})
    void ocrDebrisInItemNumbersAndInTheTotalLabelStillNamesTheirRows(String totalLabel) throws Exception {
        Map<String, String> rows = rows2021();
        rows.put("new", "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1");
        // As Tesseract reads a scanned table: no tabs, a space before an item number's dot, （七） and 总计 misread.
        rows.put("4.保护第三方合法权益", "\t(三)不予公开\t4 .保护第三方合法权益\t1\t0\t0\t0\t0\t0\t1");
        rows.put("5.属于三类内部事务信息", "\t\t5 . 属于三类内部事务信息" + "\t0".repeat(7));
        rows.put("total", "\t" + totalLabel + "\t1\t0\t0\t0\t0\t0\t1");
        rows.replaceAll((row, line) -> line.strip().replace("\t", "   "));

        ParsedReport report = parse(report(ACTIVE_2021, rows));

        var applications = report.getApplications();
        assertThat(applications.getDenied().getThirdPartyRights()).containsExactly(1, 0, 0, 0, 0, 0, 1);
        assertThat(applications.getDenied().getInternalAffairs()).containsExactly(0, 0, 0, 0, 0, 0, 0);
        assertThat(applications.getTotalProcessed()).containsExactly(1, 0, 0, 0, 0, 0, 1);
        assertThat(report.getCompleteness().getInferredCells()).isEmpty();
        assertThat(report.getWarnings()).filteredOn(w -> w.startsWith("Section 三")).isEmpty();
    }

    @Test
    void anUnlabelledSeventhRowIsNotTakenForTheTotalWhenOtherWordsFollowTheNumeral() throws Exception {
        Map<String, String> rows = rows2021();
        rows.put("total", "\t(七)其他情况\t0\t0\t0\t0\t0\t0\t0");

        ParsedReport report = parse(report(ACTIVE_2021, rows));

        assertThat(report.getWarnings()).anySatisfy(w -> assertThat(w).contains("totalProcessed"));
    }

    @Test
    void aDigitRunTooLongForAnyCountIsANullCellWithAWarningNotAFailedParse() throws Exception {
        String text = report(ACTIVE_2021, rows2021()).replace("情况\n\n0\t0\t0", "情况\n\n3000000000\t0\t0");

        ParsedReport report = parse(text);

        assertThat(report.getReview().getUpheld()).isNull();
        assertThat(report.getReview().getCorrected()).isZero();
        assertThat(report.getWarnings()).anyMatch(w -> w.startsWith("NON_INTEGER_COUNT review.upheld '3000000000'"));
    }

    @Test
    void shortRowThatNoIdentityFixesStaysNull() throws Exception {
        Map<String, String> rows = rows2021();
        rows.put("new", "一、本年新收政府信息公开申请数量\t3\t1\t4");
        rows.put("granted", "三、本年度办理结果\t(一)予以公开\t3\t1\t4");
        rows.put("total", "\t(七)总计\t3\t1\t4");

        ParsedReport report = parse(report(ACTIVE_2021, rows));

        var applications = report.getApplications();
        assertThat(applications.getNewApplications()).isEqualTo(nulls());
        assertThat(applications.getGranted()).isEqualTo(nulls());
        assertThat(applications.getTotalProcessed()).isEqualTo(nulls());
        assertThat(report.getCompleteness().getInferredCells()).isEmpty();
        assertThat(report.getWarnings()).filteredOn(w -> w.endsWith("the cells are null.")).hasSize(3);
    }

    @Test
    void shortRowIsFilledWhenTheBalanceFixesItAndItAgreesWithWhatWasPrinted() throws Exception {
        Map<String, String> rows = rows2021();
        rows.put("new", "一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2");
        rows.put("granted", "三、本年度办理结果\t(一)予以公开\t2\t0\t0\t0\t0\t0\t2");
        rows.put("total", "\t(七)总计\t2\t0\t0\t0\t2");

        ParsedReport report = parse(report(ACTIVE_2021, rows));

        assertThat(report.getApplications().getTotalProcessed()).isEqualTo(row(2, 0, 0, 0, 0, 0, 2));
        assertThat(report.getCompleteness().getInferredCells()).hasSize(7).contains("applications.totalProcessed[0]");
    }

    @Test
    void shortRowWhosePrintedNumbersContradictTheIdentitiesStaysNull() throws Exception {
        Map<String, String> rows = rows2021();
        rows.put("partial", "\t(二)部分公开\t1\t1\t1\t1\t1\t1");

        ParsedReport report = parse(report(ACTIVE_2021, rows));

        assertThat(report.getApplications().getPartiallyGranted()).isEqualTo(nulls());
        assertThat(report.getWarnings()).anySatisfy(w -> assertThat(w).contains("contradict what was printed"));
    }

    @Test
    void labelSplitOverLinesAndSpaceSeparatedNumbersStillFindTheRow() throws Exception {
        Map<String, String> rows = rows2021();
        rows.put("granted", "三、本年度办理结果 (一)予以\n公开 5 0 0 0 0 0 5");
        rows.put("new", "一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5");
        rows.put("total", "(七) 总计 5 0 0 0 0 0 5");
        rows.put("5.要求行政机关确认或重新出具已获取信息", "\t(五)不予处理\t5.要求行政机关确认或重新出具已\n获取信息\t0\t0\t0\t0\t0\t0\t0");

        ParsedReport report = parse(report(ACTIVE_2021, rows));

        assertThat(report.getApplications().getGranted()).isEqualTo(row(5, 0, 0, 0, 0, 0, 5));
        assertThat(report.getApplications().getNotProcessed().getConfirmation()).isEqualTo(zeros());
        assertThat(report.getWarnings()).filteredOn(w -> !w.startsWith("Division:")).isEmpty();
    }

    /** （五）5 printed without its label, （六）1 with a fragment that （六）2 shares, as a PDF-to-Markdown tool leaves them. */
    private static Map<String, String> rowsWithLabelsPushedAway(String total) {
        Map<String, String> rows = rows2021();
        rows.put("new", "一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2");
        rows.put("5.要求行政机关确认或重新出具已获取信息", "\t\t0\t0\t0\t0\t0\t0\t0");
        rows.put("noCorrection", "\t行政机关不再处理其政府信息公\t2\t0\t0\t0\t0\t0\t2");
        rows.put("total", "\t(七)总计" + total);
        return rows;
    }

    @Test
    void unlabelledLinesAreTheRowsTheTemplateHasWhereTheyStandWhenTheIdentitiesConfirmIt() throws Exception {
        ParsedReport report = parse(report(ACTIVE_2021, rowsWithLabelsPushedAway("\t2\t0\t0\t0\t0\t0\t2")));

        assertThat(report.getApplications().getNotProcessed().getConfirmation()).isEqualTo(zeros());
        assertThat(report.getApplications().getOtherHandling().getNoCorrection()).isEqualTo(row(2, 0, 0, 0, 0, 0, 2));
        assertThat(report.getApplications().getOtherHandling().getNoFee()).isEqualTo(zeros());
        assertThat(report.getCompleteness().getCellsRead()).isEqualTo(200);
    }

    @Test
    void unlabelledLinesStayUnreadWhenTheIdentitiesTheyEnterDoNotHold() throws Exception {
        // （七）总计 3 where the results, placed so, sum to 2: the placement is not confirmed.
        ParsedReport report = parse(report(ACTIVE_2021, rowsWithLabelsPushedAway("\t3\t0\t0\t0\t0\t0\t3")));

        assertThat(report.getApplications().getNotProcessed().getConfirmation()).isEqualTo(nulls());
        assertThat(report.getApplications().getOtherHandling().getNoCorrection()).isEqualTo(nulls());
    }

    @Test
    void unlabelledLinesStayUnreadWhenTheTemplateHasAnotherNumberOfRowsWhereTheyStand() throws Exception {
        Map<String, String> rows = rowsWithLabelsPushedAway("\t2\t0\t0\t0\t0\t0\t2");
        rows.remove("4.无正当理由大量反复申请"); // three rows of the template now stand where two lines do

        ParsedReport report = parse(report(ACTIVE_2021, rows));

        assertThat(report.getApplications().getOtherHandling().getNoCorrection()).isEqualTo(nulls());
        assertThat(report.getApplications().getNotProcessed().getConfirmation()).isEqualTo(nulls());
    }

    private static final String RUN_TOGETHER_DOCUMENTS = ACTIVE_2021.replace("行政规范性文件\t2\t1\t5", "行政规范性文件\t8855698");

    @ParameterizedTest
    @ValueSource(strings = {"集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。",
        "本年度制发规范性文件88件；现行有效规范性文件698件。"})
    void aRunTogetherDocumentRowIsSplitAsTheProseStatesItsFigures(String prose) throws Exception {
        ParsedReport report = parse(report(RUN_TOGETHER_DOCUMENTS, rows2021()).replace("概况。", prose));

        var documents = report.getActive().getNormativeDocuments();
        assertThat(List.of(documents.getIssued(), documents.getRepealed(), documents.getInForce()))
                .containsExactly(88, 55, 698);
        assertThat(report.getCompleteness().getInferredCells()).contains("active.normativeDocuments.repealed");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "现行有效规范性文件698件，本年制发及废止规范性文件88件。", // 88 for two columns at once: not a cell's figure
        "现行有效规范性文件698件，制发规章88件。", // 88 is stated for 规章, not for this row
        "现行有效规范性文件699件。", // agrees with no split
        "全年主动公开规范性文件88件。"}) // names no column
    void aRunTogetherDocumentRowStaysNullWhenTheProseDoesNotLeaveOneSplit(String prose) throws Exception {
        ParsedReport report = parse(report(RUN_TOGETHER_DOCUMENTS, rows2021()).replace("概况。", prose));

        assertThat(report.getActive().getNormativeDocuments()).isNull();
        assertThat(report.getActive().getRegulations().getInForce()).isZero();
        assertThat(report.getWarnings()).anyMatch(warning -> warning.contains("(8855698) that split 15 ways into 3"));
    }

    /**
     * Section 二 as a PDF-to-Markdown tool leaves it (real page shanghai-office-2025.md): the cells printed with a note
     * float out of their rows as loose lines, the rows keep the rest. 「1 13」 alone would split one way only, 1|1|3.
     */
    private static String floatedDocumentCells(String regulationsNote, String normativeNote) {
        return "2\n" + regulationsNote + "\n10（其中修订5件）\n5\n" + normativeNote + "\n"
                + ACTIVE_2021.replace("规章\t0\t0\t0", "规章\t1\t13").replace("行政规范性文件\t2\t1\t5", "行政规范性文件\t68");
    }

    @Test
    void documentCellsFloatedOutOfTheirRowsGoBackInTheColumnsTheirNotesNameInTheOrderOfTheRows() throws Exception {
        ParsedReport report = parse(report(floatedDocumentCells("（其中修订 1 件）", "（含自然失效 2 件）"), rows2021()));

        var regulations = report.getActive().getRegulations();
        var documents = report.getActive().getNormativeDocuments();
        assertThat(List.of(regulations.getIssued(), regulations.getRepealed(), regulations.getInForce()))
                .containsExactly(2, 1, 13);
        assertThat(List.of(documents.getIssued(), documents.getRepealed(), documents.getInForce()))
                .containsExactly(10, 5, 68);
        assertThat(report.getCompleteness().getInferredCells()).contains("active.regulations.issued",
                "active.regulations.inForce", "active.normativeDocuments.repealed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"（含 2 件）", "（其中修订后废止 2 件）"}) // no column named; two columns named
    void floatedCellsWhoseNoteNamesNoOneColumnLeaveTheirRowNullAndNeverSplitIt(String normativeNote) throws Exception {
        ParsedReport report = parse(report(floatedDocumentCells("（其中修订 1 件）", normativeNote), rows2021()));

        assertThat(report.getActive().getNormativeDocuments()).isNull();
        assertThat(report.getActive().getRegulations().getIssued()).isEqualTo(2);
    }

    @Test
    void floatedCellsNotAsManyAsTheRowsLackOrContradictingTheProseAreNotPutBack() throws Exception {
        String oneFloatedTooMany = "7\n（其中修订 3 件）\n" + floatedDocumentCells("（其中修订 1 件）", "（含自然失效 2 件）");
        ParsedReport tooMany = parse(report(oneFloatedTooMany, rows2021()));
        ParsedReport contradicted = parse(report(floatedDocumentCells("（其中修订 1 件）", "（含自然失效 2 件）"), rows2021())
                .replace("概况。", "本年度制发规范性文件11件。"));

        assertThat(tooMany.getActive().getRegulations()).isNull();
        assertThat(tooMany.getActive().getNormativeDocuments()).isNull();
        assertThat(contradicted.getActive().getNormativeDocuments()).isNull();
        assertThat(contradicted.getActive().getRegulations().getIssued()).isEqualTo(2);
    }

    private static final String SECTION_4 = "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0";

    @Test
    void section4ThatLostACellIsNotShiftedWhenTheTotalsAllowTwoReadings() throws Exception {
        // Printed 0 0 0 1 0 …: the lost cell was 结果维持 (1 0 0 0 1) or 结果纠正 (0 1 0 0 1); nothing tells which.
        String text = report(ACTIVE_2021, rows2021()).replace(SECTION_4,
                "0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0");

        ParsedReport report = parse(text);

        assertThat(report.getReview().getUpheld()).isNull();
        assertThat(report.getReview().getTotal()).isNull();
        assertThat(report.getLitigationAfterReview().getTotal()).isNull();
        assertThat(report.getCompleteness().getInferredCells()).noneMatch(cell -> cell.startsWith("review"));
        assertThat(report.getCompleteness().getTablesFound()).contains("cases");
    }

    @Test
    void section4ThatLostACellIsReadWhenWhereverItWasTheTotalsGiveOneReading() throws Exception {
        // 0 1 1 0 2 | 1 0 0 0 1 | 0 0 0 0 0 printed without the first 总计: only there does every group add up.
        String text = report(ACTIVE_2021, rows2021()).replace(SECTION_4,
                "0\t1\t1\t0\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0");

        ParsedReport report = parse(text);

        assertThat(report.getReview()).isEqualTo(Seeds.outcomes(0, 1, 1, 0, 2));
        assertThat(report.getLitigationDirect()).isEqualTo(Seeds.outcomes(1, 0, 0, 0, 1));
        assertThat(report.getLitigationAfterReview()).isEqualTo(Seeds.outcomes(0, 0, 0, 0, 0));
        assertThat(report.getCompleteness().getInferredCells()).containsExactly("review.total");
        assertThat(report.getWarnings()).anyMatch(warning -> warning.startsWith("Section 四 printed 14 numbers"));
    }

    @Test
    void section4ThatLostTwoCellsOfOneGroupWithSomethingLeftToShareIsNotShifted() throws Exception {
        // 维持 + 纠正 + 其他 + 尚未 = 3 with two of them lost: 1 + 2 or 2 + 1 or 3 + 0 …
        String text = report(ACTIVE_2021, rows2021()).replace(SECTION_4,
                "0\t0\t3\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0");

        ParsedReport report = parse(text);

        assertThat(report.getReview().getTotal()).isNull();
        assertThat(report.getLitigationDirect().getTotal()).isNull();
    }

    @Test
    void identityReadsYearFirstTitlesPeriodAndPublicationDate() throws Exception {
        String text = "2023年某某市某某局政府信息公开工作年度报告\n本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n"
                + report(ACTIVE_2021, rows2021()).substring(report(ACTIVE_2021, rows2021()).indexOf('\n'))
                + "\n\n某某市某某局\n2024年1月25日";

        ParsedReport report = parse(text);

        assertThat(report.getAgency()).isEqualTo("某某市某某局");
        assertThat(report.getTitleYear()).isEqualTo(2023);
        assertThat(report.getPeriodYear()).isEqualTo(2023);
        assertThat(report.getPublicationDate()).isEqualTo("2024-01-25");
    }

    @Test
    void negativeCountsAreReadAsPrintedWithAWarningForTheRulesToJudge() throws Exception {
        Map<String, String> rows = rows2021();
        rows.put("new", "一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2");
        rows.put("granted", "三、本年度办理结果\t(一)予以公开\t2\t0\t0\t0\t0\t0\t2");
        rows.put("1.属于国家秘密", "\t(三)不予公开\t1.属于国家秘密\t-1\t0\t0\t0\t0\t0\t-1");
        rows.put("total", "\t(七)总计\t2\t0\t0\t0\t2");
        String text = report(ACTIVE_2021, rows).replace("0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",
                "1\t0\t0\t0\t1\t0\t-2\t0\t0\t0\t0\t0\t0\t0\t0");

        ParsedReport report = parse(text);

        assertThat(report.getReview().getTotal()).isEqualTo(1);
        assertThat(report.getLitigationDirect().getCorrected()).isEqualTo(-2);
        assertThat(report.getApplications().getDenied().getStateSecret()).isEqualTo(row(-1, 0, 0, 0, 0, 0, -1));
        assertThat(report.getWarnings())
                .anyMatch(w -> w.startsWith("NEGATIVE_COUNT litigationDirect.corrected '-2'"))
                .anyMatch(w -> w.startsWith("NEGATIVE_COUNT applications.denied.stateSecret[0] '-1'"));
        // A negative count breaks what inference rests on: the short 总计 row is not filled.
        assertThat(report.getApplications().getTotalProcessed()).isEqualTo(nulls());
        assertThat(report.getCompleteness().getInferredCells()).isEmpty();
    }

    @Test
    void aCountThatIsNoWholeNumberLeavesOnlyItsCellNullAndNamesIt() throws Exception {
        Map<String, String> rows = rows2021();
        rows.put("granted", "三、本年度办理结果\t(一)予以公开\t0\t0\t3.5\t0\t0\t0\t0");
        String text = report(ACTIVE_2021.replace("行政许可\t12", "行政许可\t1.5"), rows)
                .replace("0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0", "0\t0\t0\t0\t0\t0.5\t0\t0\t0\t0\t0\t0\t0\t0\t0");

        ParsedReport report = parse(text);

        assertThat(report.getApplications().getGranted()).isEqualTo(row(0, 0, null, 0, 0, 0, 0));
        assertThat(report.getActive().getLicensing().getDecisions()).isNull();
        assertThat(report.getActive().getPenalties().getDecisions()).isEqualTo(3);
        assertThat(report.getReview().getTotal()).isZero();
        assertThat(report.getLitigationDirect().getUpheld()).isNull();
        assertThat(report.getWarnings())
                .anyMatch(w -> w.startsWith("NON_INTEGER_COUNT applications.granted[2] '3.5'"))
                .anyMatch(w -> w.startsWith("NON_INTEGER_COUNT active.licensing.decisions '1.5'"))
                .anyMatch(w -> w.startsWith("NON_INTEGER_COUNT litigationDirect.upheld '0.5'"));
        assertThat(report.getCompleteness().getCellsRead()).isEqualTo(200 - 3);
    }

    @Test
    void feesPrintedIn元InTheirCellAreReadIn万元AndTheUnitIsNamed() throws Exception {
        ParsedReport report = parse(report(ACTIVE_2021.replace("行政事业性收费\t1.5", "行政事业性收费\t251000元"),
                rows2021()));

        assertThat(report.getActive().getFees().getAmountWan()).isEqualTo(25.1);
        assertThat(report.getWarnings()).contains("FEE_UNIT_YUAN active.fees.amountWan '251000元': the cell prints 元"
                + " where the template asks 万元; the amount is read as 25.1 万元.");
    }

    @Test
    void feesUnderAHeadingOrRowLabelIn元AreReadIn元AndTheUnitIsNamed() throws Exception {
        ParsedReport underHeading = parse(report(ACTIVE_2021
                .replace("本年收费金额（单位：万元）", "本年收费金额（单位：元）").replace("\t1.5", "\t251000"), rows2021()));
        ParsedReport underLabel = parse(report(ACTIVE_2021
                .replace("（单位：万元）", "").replace("行政事业性收费\t1.5", "行政事业性收费(元)\t251000"), rows2021()));

        assertThat(underHeading.getActive().getFees().getAmountWan()).isEqualTo(25.1);
        assertThat(underHeading.getWarnings()).contains("FEE_UNIT_YUAN active.fees.amountWan '251000': 「收费金额(单位:元)」"
                + " prints 元 where the template asks 万元; the amount is read as 25.1 万元.");
        assertThat(underLabel.getActive().getFees().getAmountWan()).isEqualTo(25.1);
        assertThat(underLabel.getWarnings()).anyMatch(w -> w.startsWith("FEE_UNIT_YUAN active.fees.amountWan '251000'"));
    }

    @Test
    void feesIn万元AsTheTemplateAsksNameNoUnit() throws Exception {
        ParsedReport underHeading = parse(report(ACTIVE_2021, rows2021()));
        ParsedReport inCell = parse(report(ACTIVE_2021.replace("\t1.5", "\t1.5万元"), rows2021()));
        ParsedReport cellOverHeading = parse(report(ACTIVE_2021
                .replace("（单位：万元）", "（单位：元）").replace("\t1.5", "\t1.5万元"), rows2021()));

        for (ParsedReport report : new ParsedReport[] {underHeading, inCell, cellOverHeading}) {
            assertThat(report.getActive().getFees().getAmountWan()).isEqualTo(1.5);
            assertThat(report.getWarnings()).noneMatch(w -> w.startsWith("FEE_UNIT_YUAN"));
        }
    }

    @Test
    void anIdentityTheTableBreaksWherePrintedInFullIsNamedAndFillsNothing() throws Exception {
        Map<String, String> rows = rows2021();
        rows.put("new", "一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t3");
        rows.put("granted", "三、本年度办理结果\t(一)予以公开\t2\t0\t0\t0\t0\t0\t2");
        rows.put("total", "\t(七)总计\t2\t0\t0\t0\t2");

        ParsedReport report = parse(report(ACTIVE_2021, rows));

        assertThat(report.getWarnings()).anyMatch(w -> w.startsWith("Section 三 as printed breaks the identity that a"
                + " row's total is the sum of its six applicant columns (newApplications"));
        assertThat(report.getApplications().getTotalProcessed()).isEqualTo(nulls());
        assertThat(report.getCompleteness().getInferredCells()).isEmpty();
    }

    @Test
    void rowsMixingTabsAndRunsOfSpacesKeepEveryFigureInItsColumn() throws Exception {
        String mixed = ACTIVE_2019.replace("规范性文件\t3\t3\t40", "规范性文件  3\t3   40")
                .replace("行政许可\t10\t-2\t7", "行政许可   10\t-2  7")
                .replace("政府集中采购\t4\t251000元", "政府集中采购  4\t251000元");
        Map<String, String> rows = rows2021();
        rows.remove("noCorrection");
        rows.remove("noFee");
        rows.remove("other");
        rows.put("total", "\t(六)其他处理\t0\t0\t0\t0\t0\t0\t0\n\t(七)总计\t0  0\t0\t0   0\t0\t0");

        ParsedReport report = parse(report(mixed, rows));

        assertThat(report.getTemplate()).isEqualTo("2019");
        assertThat(report.getActive().getNormativeDocuments().getNewlyMade()).isEqualTo(3);
        assertThat(report.getActive().getNormativeDocuments().getTotalPublished()).isEqualTo(40);
        assertThat(report.getActive().getLicensing().getChange()).isEqualTo(-2);
        assertThat(report.getActive().getLicensing().getDecisions()).isEqualTo(7);
        assertThat(report.getActive().getProcurement().getProjects()).isEqualTo(4);
        assertThat(report.getApplications().getTotalProcessed()).isEqualTo(zeros());
        assertThat(report.getWarnings()).noneMatch(w -> w.startsWith("Section 二") || w.startsWith("Section 三"));
    }

    @Test
    void anOcrMisreadCharacterInALabelStillFindsItsRow() throws Exception {
        Map<String, String> rows = rows2021();
        // OCR of a scan read 案 as 索.
        rows.put("7.属于行政执法案卷", "\t(三)不予公开\t7.属于行政执法索卷\t0\t1\t0\t0\t0\t0\t1");

        ParsedReport report = parse(report(ACTIVE_2021, rows));

        assertThat(report.getApplications().getDenied().getEnforcementFiles()).isEqualTo(row(0, 1, 0, 0, 0, 0, 1));
    }
}
