package io.nianbao.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nianbao.schema.ParsedReport;

/**
 * Every real document with hand-made truth, read as it was published or found: the pages of {@code real-pages/}
 * (test resources, README there) and the six texts of {@code samples/real-reports/} (truth beside each). Each
 * document's cells must be at least 99.5% right with none wrong, and its agency, year, template and place right. The
 * documents are uploads without hints: what they say about themselves must be enough.
 *
 * <p>Prints a per-document table (the "real documents" table of docs/BENCHMARKS.md).
 */
class RealDocumentAccuracyTests {
    private static final Path REAL_PAGES = resource("real-pages");
    private static final Path REAL_REPORTS = Path.of(System.getProperty("nianbao.realReports", "../samples/real-reports"));
    private static final double TARGET = 0.995;
    private static final ReportParser PARSER = new ReportParser();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<DocumentScore> SCORES = new ArrayList<>();

    static Stream<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        for (Path directory : List.of(REAL_PAGES, REAL_REPORTS)) {
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(file -> !file.getFileName().toString().endsWith(".json"))
                        .filter(file -> Files.exists(truthOf(file)))
                        .sorted()
                        .forEach(documents::add);
            }
        }
        return documents.stream();
    }

    @BeforeAll
    static void clear() {
        SCORES.clear();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void everyPrintedCellIsReadRightAndTheIdentityFromTheDocumentItself(Path document) throws Exception {
        JsonNode truth = JSON.readTree(truthOf(document).toFile());
        String name = document.getFileName().toString();
        ParsedReport report = PARSER.parse(Files.readAllBytes(document), SourceInfo.ofFile(name));
        DocumentScore score = DocumentScore.of(name, truth, report);
        SCORES.add(score);

        assertThat(score.wrong()).as(name + " cells read wrong: " + score.misreadCells()).isZero();
        assertThat(score.identityMisses()).as(name + " identity").isEmpty();
        assertThat(score.rightShare()).as(name + " cells right: " + score.misreadCells()).isGreaterThanOrEqualTo(TARGET);
    }

    @AfterAll
    static void printTable() {
        System.out.println("| document | cells scored | right | wrong | null | right % | identity |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|");
        for (DocumentScore score : SCORES) {
            System.out.printf("| %s | %d | %d | %d | %d | %.2f%% | %s |%n", score.document(), score.scored(),
                    score.right(), score.wrong(), score.missed(), 100 * score.rightShare(),
                    score.identityMisses().isEmpty() ? "right" : String.join("; ", score.identityMisses()));
            score.misreadCells().forEach(cell -> System.out.println("    " + score.document() + " " + cell));
        }
    }

    private static Path truthOf(Path document) {
        String name = document.getFileName().toString();
        return document.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".truth.json");
    }

    private static Path resource(String name) {
        try {
            return Path.of(RealDocumentAccuracyTests.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
