package io.nianbao.parser;

import static io.nianbao.parser.Seeds.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.nianbao.schema.ParsedReport;

/**
 * DOCX and DOC read from their table cells, merged cells included: the same report as the HTML they were made from
 * (see src/test/resources/word/README.md), not a guess over flattened text.
 */
class WordDocumentsTests {
    private static final ReportParser PARSER = new ReportParser();

    @ParameterizedTest
    @ValueSource(strings = {"docx", "doc"})
    void seedTablesInAWordDocumentReadLikeTheSeedText(String extension) throws Exception {
        ParsedReport fromWord = PARSER.parse(fixture("seed-002." + extension), SourceInfo.ofFile("report." + extension));
        ParsedReport fromText = PARSER.parse(Seeds.bytes("002"), SourceInfo.ofFile("report.txt"));

        assertThat(fromWord.getSource().getMediaType()).isEqualTo(extension.equals("doc") ? "application/msword"
                : "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(fromWord.getAgency()).isEqualTo("孟津区白鹤镇人民政府");
        assertThat(fromWord.getTemplate()).isEqualTo("2021");
        assertThat(fromWord.getActive()).isEqualTo(fromText.getActive());
        assertThat(fromWord.getApplications()).isEqualTo(fromText.getApplications());
        assertThat(fromWord.getApplications().getNewApplications()).isEqualTo(row(1, 0, 0, 0, 0, 0, 1));
        assertThat(fromWord.getReview()).isEqualTo(fromText.getReview());
        assertThat(fromWord.getCompleteness().getCellsRead()).isEqualTo(200);
        assertThat(fromWord.getWarnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"docx", "doc"})
    void labelsMergedOverRowsAndColumnsReachEveryRowTheySpan(String extension) throws Exception {
        ParsedReport report = PARSER.parse(fixture("merged-cells." + extension), SourceInfo.ofFile("r." + extension));

        assertThat(report.getAgency()).isEqualTo("淮安市人民政府");
        assertThat(report.getTemplate()).isEqualTo("2021");
        assertThat(Seeds.rows2021(report.getApplications())).isEqualTo(RealReportsTests.HUAIAN_2024);
        assertThat(report.getWarnings()).noneMatch(w -> w.startsWith("Section 三"));
    }

    private static byte[] fixture(String name) {
        try (InputStream in = WordDocumentsTests.class.getResourceAsStream("/word/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
