package io.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

class CheckCommandTests {
    private static final Path SEEDS = Path.of("..", "samples", "reports");
    private static final Path SEED_000 = SEEDS.resolve("000_e70ccd0979ef1614.txt");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int check(String... args) {
        return new CommandLine(new CheckCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private static String[] seeds() throws IOException {
        try (Stream<Path> files = Files.list(SEEDS)) {
            return files.map(Path::toString).sorted().toArray(String[]::new);
        }
    }

    /** Seed 000 with its text changed: a variant the author did not publish. */
    private Path variantOfSeed000(String name, String from, String to) throws IOException {
        String text = Files.readString(SEED_000, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        return Files.writeString(dir.resolve(name), text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void theSeedsHaveNoErrorAndEachIsPrintedWithItsStatus() throws IOException {
        String[] seeds = seeds();

        int exit = check(seeds);

        assertThat(exit).as(out.toString()).isZero();
        for (String seed : seeds) {
            assertThat(out.toString()).contains(seed + ": ");
        }
        assertThat(out.toString()).doesNotContain("  ERROR ").contains("000_e70ccd0979ef1614.txt: consistent");
    }

    @Test
    void aReportWhoseProseContradictsItsTablesExitsOneAndPrintsTheFinding() throws IOException {
        Path inconsistent = variantOfSeed000("000-inconsistent.txt", "全年未收到公民提出的政府信息公开申请", "全年共收到政府信息公开申请 3 件");

        int exit = check(SEED_000.toString(), inconsistent.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains(inconsistent + ": errors")
                .contains("ERROR PROSE-COUNT")
                .contains("cells: applications.newApplications[6], applications.carriedOver[6]; expected: 0; found: 3");
    }

    @Test
    void jsonPrintsOneObjectPerFileWithTheParsedReportItsStatusAndItsFindings() throws Exception {
        Path inconsistent = variantOfSeed000("000-sum.txt", "累计公开信息 37 条", "累计公开信息 40 条");

        int exit = check("--json", SEED_000.toString(), inconsistent.toString());

        assertThat(exit).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        ObjectMapper mapper = new ObjectMapper();
        Map<?, ?> consistent = mapper.readValue(lines.get(0), Map.class);
        Map<?, ?> warned = mapper.readValue(lines.get(1), Map.class);
        assertThat(consistent.get("file")).isEqualTo(SEED_000.toString());
        assertThat(consistent.get("agency")).isEqualTo("盐池县花马池镇");
        assertThat(consistent.get("status")).isEqualTo("consistent");
        assertThat(warned.get("status")).isEqualTo("warnings");
        assertThat((List<?>) warned.get("findings")).anySatisfy(finding -> {
            Map<?, ?> fields = (Map<?, ?>) finding;
            assertThat(fields.get("ruleId")).isEqualTo("PROSE-SUM");
            assertThat(fields.get("expected")).isEqualTo("37");
            assertThat(fields.get("found")).isEqualTo("40");
        });
    }

    @Test
    void yearToYearRulesApplyAcrossTheFilesGivenTheLaterYearFirst() throws IOException {
        // last year's report, word for word this year's: the 2024 report (given first) is a copy of it
        Path lastYear = variantOfSeed000("000-2023.txt", "2024", "2023");

        int exit = check(SEED_000.toString(), lastYear.toString());

        assertThat(exit).isZero();
        String seedOutput = out.toString().substring(0, out.toString().indexOf(lastYear.toString()));
        assertThat(seedOutput).contains("WARN COPY-PRIOR");
    }

    @Test
    void aFileThatCannotBeReadFailsTheCheck() {
        int exit = check(dir.resolve("missing.txt").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("missing.txt: cannot read the file");
    }
}
