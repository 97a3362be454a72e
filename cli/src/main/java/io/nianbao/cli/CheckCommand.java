package io.nianbao.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.nianbao.parser.NotAReportException;
import io.nianbao.parser.ReportParser;
import io.nianbao.parser.SourceInfo;
import io.nianbao.parser.UnreadableDocumentException;
import io.nianbao.rules.History;
import io.nianbao.rules.ReportHistory;
import io.nianbao.rules.ReportStatus;
import io.nianbao.rules.RuleEngine;
import io.nianbao.rules.Validation;
import io.nianbao.schema.AgencyKey;
import io.nianbao.schema.Finding;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.json.RecordMaps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = { "Parse and check report files here, without Kafka or MongoDB, and print their findings.",
                "Year-to-year rules (carry-over chain, copied or revised reports) apply across the files given together.",
                "--json prints one JSON object per file and line: the parsed report with \"file\", \"status\" and \"findings\".",
                "Exits 1 if any file has an ERROR finding or could not be read, so it can gate a publishing workflow." })
final class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "report files (PDF, Word, HTML, text)")
    List<Path> files;

    @Option(names = "--json", description = "one JSON object per line per file instead of the finding lists")
    boolean json;

    @Spec
    CommandSpec spec;

    private final ReportParser parser = new ReportParser();
    private final RuleEngine engine = new RuleEngine();
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private record Checked(Path file, String agencyKey, ParsedReport report) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OcrNotice.printIfMissing(err);
        boolean failed = false;
        List<Checked> parsed = new ArrayList<>();
        for (Path file : files) {
            try {
                ParsedReport report =
                        parser.parse(Files.readAllBytes(file), SourceInfo.ofFile(file.getFileName().toString()));
                parsed.add(new Checked(file, AgencyKey.of(report.getDivision().getProvinceCode(), report.getAgency(),
                        report.getReportId()), report));
            } catch (NotAReportException notAReport) {
                failed = true;
                err.println(file + ": not an annual report: " + notAReport.getMessage());
            } catch (UnreadableDocumentException unreadableDocument) {
                failed = true;
                err.println(file + ": unreadable document: " + unreadableDocument.getMessage());
            } catch (IOException cannotRead) {
                failed = true;
                err.println(file + ": cannot read the file: " + cannotRead.getMessage());
            }
        }
        // Every file is the others' history, whatever order the years were given in; a same-year file is a
        // revision of the one given before it.
        ReportHistory all = new ReportHistory();
        parsed.forEach(checked -> all.record(checked.agencyKey(), checked.report()));
        ReportHistory before = new ReportHistory();
        for (Checked checked : parsed) {
            History around = all.historyOf(checked.agencyKey(), checked.report());
            History history = new History(around.previousYear(), around.nextYear(),
                    before.historyOf(checked.agencyKey(), checked.report()).sameYearPrevious(), around.peers(),
                    around.parts());
            before.record(checked.agencyKey(), checked.report());
            Validation validation = engine.validate(checked.report(), history);
            failed |= validation.status() == ReportStatus.ERRORS;
            out.print(json ? jsonLine(checked.file(), validation) : text(checked.file(), validation));
            out.flush();
        }
        err.flush();
        return failed ? 1 : 0;
    }

    private static String text(Path file, Validation validation) {
        ParsedReport report = validation.report();
        StringBuilder text = new StringBuilder();
        text.append(file).append(": ").append(validation.status().wireName()).append(" — ")
                .append(report.getAgency() == null ? "(agency not read)" : report.getAgency()).append(' ')
                .append(report.getYear() == null ? "(year not read)" : report.getYear()).append('\n');
        for (Finding finding : validation.findings()) {
            text.append("  ").append(finding.getSeverity()).append(' ').append(finding.getRuleId());
            if (finding.getOutcome() == Outcome.NOT_ASSESSABLE) {
                text.append(" (not assessable)");
            }
            text.append(": ").append(finding.getMessageZh()).append(" / ").append(finding.getMessageEn()).append('\n');
            text.append("      cells: ").append(String.join(", ", finding.getCells()));
            if (finding.getExpected() != null || finding.getFound() != null) {
                text.append("; expected: ").append(finding.getExpected()).append("; found: ").append(finding.getFound());
            }
            text.append('\n');
        }
        return text.append('\n').toString();
    }

    private String jsonLine(Path file, Validation validation) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("file", file.toString());
        line.putAll(RecordMaps.toMap(validation.report()));
        line.put("status", validation.status().wireName());
        line.put("rulesVersion", validation.rulesVersion());
        line.put("findings", validation.findings().stream().map(RecordMaps::toMap).toList());
        try {
            return mapper.writeValueAsString(line) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a checked report cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
