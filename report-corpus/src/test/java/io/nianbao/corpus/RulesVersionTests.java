package io.nianbao.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.nianbao.corpus.render.Form;
import io.nianbao.parser.ReportParseException;
import io.nianbao.parser.ReportParser;
import io.nianbao.parser.SourceInfo;
import io.nianbao.rules.ReportHistory;
import io.nianbao.rules.RuleEngine;
import io.nianbao.schema.AgencyKey;
import io.nianbao.schema.Finding;
import io.nianbao.schema.ParsedReport;

/**
 * {@link RuleEngine#RULES_VERSION} names what the catalogue finds. validate-service judges a kept report again by
 * the rules that read what changed and carries its other findings over from its last verdict when that verdict is of
 * the same version; store-service keeps the version with each report, so that reports judged under another can be
 * judged again. A rule changed without the version raised would mix its old findings with its new ones, silently.
 * This holds the catalogue's findings on a fixed corpus — the generated reports' text renderings and the real
 * reports of {@code samples/real-reports} and {@code samples/reports}, parsed, each judged against all the others as
 * the check command judges files — to the version: a change to anything a rule finds there fails here until the version is raised and the
 * corpus's new digest pinned beside it. The findings are written to {@code target/rules-version/} for a diff.
 */
class RulesVersionTests {
    /** Each version's digest of the findings below; a new version adds its own line. */
    private static final Map<String, String> FINDINGS_OF_VERSION = Map.of(
            "6", "f13b989098d544578572799367e049b1e5c5d55bd139619479a5eeed119a5f17");
    private static final long SEED = 2026;
    private static final int GENERATED = 150;
    private static final List<Path> REAL_REPORTS = List.of(Path.of("../samples/real-reports"),
            Path.of("../samples/reports"));

    private static List<String> findings;

    @BeforeAll
    static void judgeTheCorpus() throws IOException, ReportParseException {
        List<ParsedReport> corpus = new ArrayList<>();
        new Accuracy().parse(new ReportGenerator(SEED, 0.3).reports(GENERATED), Form.TEXT).stream()
                .map(Accuracy.Parsed::parsed).filter(Objects::nonNull).forEach(corpus::add);
        ReportParser parser = new ReportParser();
        for (Path directory : REAL_REPORTS) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".txt")).sorted().toList()) {
                    corpus.add(parser.parse(Files.readString(file, StandardCharsets.UTF_8),
                            SourceInfo.ofFile(file.getFileName().toString())));
                }
            }
        }
        ReportHistory all = new ReportHistory();
        corpus.forEach(report -> all.record(agencyKey(report), report));
        RuleEngine engine = new RuleEngine();
        findings = new ArrayList<>();
        for (ParsedReport report : corpus) {
            for (Finding finding : engine.validate(report, all.historyOf(agencyKey(report), report)).findings()) {
                findings.add(String.join("\t", report.getReportId(), finding.getRuleId(), finding.getSeverity().name(),
                        finding.getOutcome().name(), String.join(",", finding.getCells()),
                        String.valueOf(finding.getExpected()), String.valueOf(finding.getFound()),
                        finding.getMessageZh(), finding.getMessageEn()));
            }
        }
        Path written = Path.of("target/rules-version/findings-" + RuleEngine.RULES_VERSION + ".txt");
        Files.createDirectories(written.getParent());
        Files.write(written, findings);
    }

    @Test
    void theCatalogueFindsOnTheCorpusWhatItsVersionFound() {
        assertThat(digest(findings))
                .as("""
                        the catalogue's findings on the corpus are not those of RULES_VERSION %s (target/rules-version/ \
                        has them, one line a finding): if a rule's logic, threshold or message changed, raise \
                        RuleEngine.RULES_VERSION and pin the new digest under it here""", RuleEngine.RULES_VERSION)
                .isEqualTo(FINDINGS_OF_VERSION.get(RuleEngine.RULES_VERSION));
    }

    /** What the digest holds: findings of the report-alone rules and of those that read a history. */
    @Test
    void theCorpusGivesTheRulesSomethingToFind() {
        Map<String, Integer> byRule = new TreeMap<>();
        findings.forEach(line -> byRule.merge(line.split("\t")[1], 1, Integer::sum));
        System.out.println("findings by rule on the rules-version corpus: " + byRule);

        assertThat(byRule).containsKeys("S3-BALANCE", "S3-ROWTOTAL", "PROSE-COUNT", "TPL-YEAR", "SEC6-FEE", "COPY-PEER",
                "CARRY-CHAIN", "PUB-CHANGED", "S2-INFORCE-CHAIN");
    }

    private static String agencyKey(ParsedReport report) {
        return AgencyKey.of(report.getDivision().getProvinceCode(), report.getAgency(), report.getReportId());
    }

    private static String digest(List<String> lines) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            lines.forEach(line -> sha256.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
