package io.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

class ParseCommandTests {
    private static final Path SEEDS = Path.of("..", "samples", "reports");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int parse(String... args) {
        return new CommandLine(new ParseCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private static String seed(String prefix) throws Exception {
        try (var files = Files.list(SEEDS)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow().toString();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> jsonLines() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        return out.toString().lines().map(line -> {
            try {
                return (Map<String, Object>) mapper.readValue(line, Map.class);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void printsOneJsonObjectPerSeedUnderTheCanonicalNamesWithItsFileAndDivision() throws Exception {
        String[] files = { seed("000"), seed("001"), seed("002"), seed("003"), seed("004") };
        String[] args = new String[files.length + 1];
        args[0] = "--json";
        System.arraycopy(files, 0, args, 1, files.length);

        int exit = parse(args);

        assertThat(exit).isZero();
        // Where Tesseract is missing, its one-line notice is all (OcrNotice).
        assertThat(err.toString().replace(OcrNotice.MISSING + System.lineSeparator(), "")).isEmpty();
        List<Map<String, Object>> reports = jsonLines();
        assertThat(reports).hasSize(5);
        assertThat(reports).extracting(report -> report.get("file")).containsExactly((Object[]) files);
        assertThat(reports).allSatisfy(report -> assertThat(report)
                .containsKeys("agency", "year", "template", "division", "applications", "completeness", "warnings"));

        Map<String, Object> huamachi = reports.get(0);
        assertThat(huamachi.get("agency")).asString().contains("盐池县花马池镇");
        assertThat(map(huamachi.get("division"))).containsEntry("status", "resolved").containsEntry("townCode", "640323100");
        assertThat(map(map(huamachi.get("source"))).get("receivedAt")).asString().matches("\\d{4}-\\d{2}-\\d{2}T.*Z");

        Map<String, Object> hongshan = map(reports.get(1).get("division"));
        assertThat(hongshan).containsEntry("status", "ambiguous").containsEntry("townCode", null);
        assertThat((List<Object>) hongshan.get("candidates")).hasSize(10);

        assertThat(map(reports.get(2).get("division"))).containsEntry("townCode", "410308104");
        assertThat(map(reports.get(3).get("division"))).containsEntry("townCode", "640323102");
        assertThat(map(reports.get(4).get("division"))).containsEntry("townCode", "640521201");
        List<Object> newApplications = (List<Object>) map(reports.get(0).get("applications")).get("newApplications");
        assertThat(newApplications).hasSize(7);
    }

    @Test
    void rendersTheTablesWithTheTemplateLabelsAndNoZeroForWhatWasNotRead() throws Exception {
        int exit = parse(seed("000"));

        String text = out.toString();
        assertThat(exit).isZero();
        assertThat(text).contains("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
                "一、本年新收政府信息公开申请数量", "自然人", "总计", "结果维持", "行政规范性文件");
        assertThat(text).contains("宁夏回族自治区 吴忠市 盐池县 花马池镇 (640323100) [resolved]");
        assertThat(text).contains("警告 (");
    }

    @Test
    void marksTheCellsInferredFromTheTemplateIdentities() throws Exception {
        // Seed 003 prints 5 numbers for 7 columns in 不予公开 1.属于国家秘密; the parser infers them.
        int exit = parse(seed("003"));

        String text = out.toString();
        assertThat(exit).isZero();
        String stateSecret = text.lines().filter(line -> line.startsWith("（三）不予公开 1.属于国家秘密")).findFirst().orElseThrow();
        assertThat(stateSecret).contains("0" + ReportText.INFERRED);
        assertThat(text).contains(ReportText.INFERRED + " 由表内恒等关系推出");
        assertThat(text).contains("[resolved]").contains("(640323102)");
    }

    @Test
    void showsAValueNotReadAsADashNeverAsZero() throws Exception {
        // Section 三 without its figures: every cell is unread.
        Path report = Files.writeString(dir.resolve("blank.txt"), String.join("\n",
                "盐池县花马池镇 2024 年度政府信息公开工作年度报告", "一、总体情况", "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                "六、其他需要报告的事项"), StandardCharsets.UTF_8);

        int exit = parse(report.toString());

        assertThat(exit).isZero();
        String applicationsTable = out.toString().split("三、收到和处理政府信息公开申请情况")[1].split("四、")[0];
        assertThat(applicationsTable).contains(ReportText.NOT_READ).doesNotContain("0");
    }

    @Test
    void reportsAFileThatIsNoAnnualReportWithoutFailing() throws Exception {
        Path notAReport = Files.writeString(dir.resolve("note.txt"), "会议通知：明天上午九点开会。", StandardCharsets.UTF_8);

        int exit = parse("--json", notAReport.toString(), seed("004"));

        assertThat(exit).isZero();
        List<Map<String, Object>> lines = jsonLines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).containsEntry("file", notAReport.toString()).containsEntry("error", "NOT_A_REPORT")
                .containsKey("reason");
        assertThat(lines.get(1)).containsEntry("file", seed("004"));
    }

    @Test
    void exitsNonZeroForAMissingFileAndStillParsesTheOthers() throws Exception {
        int exit = parse("--json", dir.resolve("missing.txt").toString(), seed("004"));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("missing.txt").contains("cannot read");
        assertThat(jsonLines()).hasSize(1);
    }
}
