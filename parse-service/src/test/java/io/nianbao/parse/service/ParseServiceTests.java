package io.nianbao.parse.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nianbao.parse.RawReports;
import io.nianbao.parse.ScanPdfs;
import io.nianbao.parser.ReportParser;
import io.nianbao.parser.SourceInfo;
import io.nianbao.parser.extract.OcrPages;
import io.nianbao.schema.DeadLetter;
import io.nianbao.schema.ParseNote;
import io.nianbao.schema.ParseNoteCode;
import io.nianbao.schema.ParsedReport;

class ParseServiceTests {
    private static final RecordOrigin ORIGIN = new RecordOrigin("reports.raw", 3, 42L, "key-1");
    /** A real report converted from PDF to Markdown (report-parser's real pages). */
    private static final Path MARKDOWN_REPORT = Path.of("../report-parser/src/test/resources/real-pages/shanghai-office-2025.md");

    private static final ParseTimeouts TIMEOUTS = new ParseTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(30),
            Duration.ofMinutes(30));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BoundedWorker worker = new BoundedWorker(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private ParseService service() {
        return service(TIMEOUTS);
    }

    private ParseService service(ParseTimeouts timeouts) {
        return new ParseService(new ReportParser(), new OcrPages(true), timeouts, worker, new ParseMetrics(registry));
    }

    @AfterEach
    void stopWorker() {
        release.countDown();
        worker.close();
    }

    @Test
    void theReportTheParserWarmsUpOnIsBundledAndReadAsAReport() throws Exception {
        try (InputStream in = ParseService.class.getResourceAsStream(ParseService.WARM_UP_REPORT)) {
            assertThat(in).as(ParseService.WARM_UP_REPORT).isNotNull();
            ParsedReport report = new ReportParser().parse(in.readAllBytes(), SourceInfo.ofFile("warm-up.txt"));

            assertThat(report.getAgency()).isEqualTo("盐池县花马池镇");
            assertThat(report.getYear()).isEqualTo(2024);
        }
    }

    @Test
    void theServiceAsQuarkusBuildsItHasWarmedItsParserUpBeforeItsFirstRecord() {
        ParseConfig defaults = new ParseConfig() {
            @Override
            public Duration timeout() {
                return TIMEOUTS.base();
            }

            @Override
            public Duration ocrPageTimeout() {
                return TIMEOUTS.perOcrPage();
            }

            @Override
            public Duration maxTimeout() {
                return TIMEOUTS.max();
            }

            @Override
            public int workers() {
                return 1;
            }

            @Override
            public int maxInFlight() {
                return 1;
            }
        };

        ParseService service = new ParseService(defaults, new ParseMetrics(registry));
        service.stop();

        assertThat(registry.get("nianbao.parse.warm.up").timer().count()).isEqualTo(1);
    }

    @Test
    void seedBecomesAParsedReportKeyedByProvinceAndAgency() {
        ParseOutcome outcome = service().handle(RawReports.seed("000", "64"), ORIGIN).await().indefinitely();

        assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
        ParseOutcome.Parsed parsed = (ParseOutcome.Parsed) outcome;
        assertThat(parsed.key()).isEqualTo("64|盐池县花马池镇");
        assertThat(parsed.province()).isEqualTo("64");
        assertThat(parsed.report().getReportId()).isEqualTo("id-000_e70ccd0979ef1614.txt");
        assertThat(parsed.report().getActive().getPenalties().getDecisions()).isEqualTo(347);
        assertThat(parsed.report().getSource().getUrl()).isEqualTo("https://example.gov.cn/000_e70ccd0979ef1614.txt");
        assertThat(registry.get("nianbao.parse.reports.parsed").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("nianbao.parse.duration").timer().count()).isEqualTo(1);
    }

    @Test
    void aMarkdownUploadAsIngestPublishesItBecomesAParsedReport() throws IOException {
        byte[] markdown = Files.readAllBytes(MARKDOWN_REPORT);

        ParseOutcome outcome = service().handle(RawReports.of(markdown, "shanghai-office-2025.md", "text/markdown", null),
                ORIGIN).await().indefinitely();

        assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
        ParseOutcome.Parsed parsed = (ParseOutcome.Parsed) outcome;
        assertThat(parsed.province()).isEqualTo("31");
        assertThat(parsed.report().getAgency()).isEqualTo("上海市人民政府办公厅");
        assertThat(parsed.report().getSource().getMediaType()).isEqualTo("text/markdown");
        assertThat(parsed.report().getYear()).isEqualTo(2025);
        assertThat(parsed.report().getApplications().getNewApplications()).containsExactly(1259, 36, 0, 0, 0, 0, 1295);
    }

    @Test
    void reportWithoutProvinceHintIsKeyedByTheProvinceItsAgencyResolvesTo() {
        ParseOutcome.Parsed parsed = (ParseOutcome.Parsed) service().handle(RawReports.seed("002", null), ORIGIN)
                .await().indefinitely();

        assertThat(parsed.key()).isEqualTo("41|孟津区白鹤镇人民政府");
        assertThat(parsed.province()).isEqualTo("41");
    }

    @Test
    void reportOfAnAmbiguousAgencyIsKeyedByItsNameAlone() {
        // 洪山镇 lies in ten provinces: no province is guessed for the key.
        ParseOutcome.Parsed parsed = (ParseOutcome.Parsed) service().handle(RawReports.seed("001", null), ORIGIN)
                .await().indefinitely();

        assertThat(parsed.key()).isEqualTo("|洪山镇人民政府");
        assertThat(parsed.province()).isNull();
    }

    @Test
    void theCrawlSourcesDivisionChoosesAmongTheTownsAnAmbiguousAgencyNamesAndTheReportSaysSo() {
        // 洪山镇 lies in ten provinces; the source declares 介休市 (140781), which has one of them.
        ParseOutcome.Parsed parsed = (ParseOutcome.Parsed) service().handle(RawReports.seed("001", null, "140781"),
                ORIGIN).await().indefinitely();

        assertThat(parsed.key()).isEqualTo("14|洪山镇人民政府");
        assertThat(parsed.province()).isEqualTo("14");
        assertThat(parsed.report().getDivision().getTownCode()).isEqualTo("140781103");
        assertThat(parsed.report().getNotes()).extracting(ParseNote::getCode)
                .contains(ParseNoteCode.DIVISION_FROM_HINT.name());
    }

    @Test
    void bytesThatAreNoRawReportAreDeadLetteredAsUndecodableWithTheOriginalValue() {
        byte[] value = "not avro".getBytes(StandardCharsets.UTF_8);

        DeadLetter letter = deadLetter(service().handle(value, ORIGIN).await().indefinitely());

        assertThat(letter.getErrorType()).isEqualTo("UNDECODABLE_RECORD");
        assertThat(letter.getReason()).startsWith("The record is not a RawReport");
        assertThat(letter.getStage()).isEqualTo("parse");
        assertThat(letter.getOriginalValue().array()).isEqualTo(value);
        assertThat(letter.getOriginalTopic()).isEqualTo("reports.raw");
        assertThat(letter.getOriginalPartition()).isEqualTo(3);
        assertThat(letter.getOriginalOffset()).isEqualTo(42L);
        assertThat(letter.getOriginalKey()).isEqualTo("key-1");
        assertThat(registry.get("nianbao.parse.dead.letters").tag("errorType", "UNDECODABLE_RECORD").counter()
                .count()).isEqualTo(1.0);
    }

    @Test
    void proseThatIsNoReportIsDeadLetteredAsNotAReport() {
        byte[] value = RawReports.of("今天天气很好。\n我们去公园。".getBytes(StandardCharsets.UTF_8), "note.txt", "64");

        DeadLetter letter = deadLetter(service().handle(value, ORIGIN).await().indefinitely());

        assertThat(letter.getErrorType()).isEqualTo("NOT_A_REPORT");
        assertThat(letter.getReason()).contains("No report title");
        assertThat(letter.getReportId()).isEqualTo("id-note.txt");
        assertThat(letter.getSourceUrl()).isEqualTo("https://example.gov.cn/note.txt");
        assertThat(letter.getOriginalValue().array()).isEqualTo(value);
    }

    @Test
    void binaryNoiseIsDeadLetteredAsUnreadableDocument() {
        byte[] noise = new byte[2048];
        new Random(11).nextBytes(noise);

        DeadLetter letter = deadLetter(service().handle(RawReports.of(noise, "blob", null), ORIGIN)
                .await().indefinitely());

        assertThat(letter.getErrorType()).isEqualTo("UNREADABLE_DOCUMENT");
    }

    @Test
    void textReportThatOutlastsTheBaseTimeoutIsDeadLetteredAsParseTimeout() {
        occupyTheWorker();

        DeadLetter letter = deadLetter(service(new ParseTimeouts(Duration.ofMillis(5), Duration.ofMillis(2),
                Duration.ofHours(1))).handle(RawReports.seed("004", "64"), ORIGIN).await().indefinitely());

        assertThat(letter.getErrorType()).isEqualTo("PARSE_TIMEOUT");
        assertThat(letter.getReason()).isEqualTo("Parsing did not finish within PT0.005S (5 ms, no page to OCR).");
    }

    @Test
    void scanThatOutlastsItsBudgetIsDeadLetteredWithHowTheBudgetWasMade() {
        occupyTheWorker();
        byte[] scan = RawReports.of(ScanPdfs.blank(3), "scan.pdf", "64");

        DeadLetter letter = deadLetter(service(new ParseTimeouts(Duration.ofMillis(5), Duration.ofMillis(2),
                Duration.ofHours(1))).handle(scan, ORIGIN).await().indefinitely());

        assertThat(letter.getErrorType()).isEqualTo("PARSE_TIMEOUT");
        assertThat(letter.getReason())
                .isEqualTo("Parsing did not finish within PT0.011S (5 ms + 3 pages to OCR × 2 ms).");
        assertThat(letter.getOriginalValue().array()).isEqualTo(scan);
    }

    /** The worker's one thread held, so a parse waits past its budget and times out without ever starting. */
    private void occupyTheWorker() {
        worker.run(() -> {
            release.await();
            return null;
        }, Duration.ofHours(1));
    }

    private static DeadLetter deadLetter(ParseOutcome outcome) {
        assertThat(outcome).isInstanceOf(ParseOutcome.DeadLettered.class);
        return ((ParseOutcome.DeadLettered) outcome).deadLetter();
    }
}
