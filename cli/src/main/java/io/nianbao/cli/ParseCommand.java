package io.nianbao.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.json.RecordMaps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "parse", mixinStandardHelpOptions = true,
        description = { "Parse report files here, without Kafka or MongoDB, and print their tables.",
                "--json prints one JSON object per file and line, under the canonical field names, with \"file\".",
                "A file that is no annual report is said so and does not fail the command.",
                "Exits 1 if any file could not be read at all (missing, unreadable document)." })
final class ParseCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "report files (PDF, Word, HTML, text)")
    List<Path> files;

    @Option(names = "--json", description = "one JSON object per line per file instead of the tables")
    boolean json;

    @Spec
    CommandSpec spec;

    private final ReportParser parser = new ReportParser();
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OcrNotice.printIfMissing(err);
        int unreadable = 0;
        for (Path file : files) {
            try {
                ParsedReport report =
                        parser.parse(Files.readAllBytes(file), SourceInfo.ofFile(file.getFileName().toString()));
                out.print(json ? jsonLine(file, RecordMaps.toMap(report)) : ReportText.render(file.toString(), report));
            } catch (NotAReportException notAReport) {
                out.print(json ? jsonLine(file, failure(notAReport.errorType(), notAReport.getMessage()))
                        : file + ": not an annual report: " + notAReport.getMessage() + "\n\n");
            } catch (UnreadableDocumentException unreadableDocument) {
                unreadable++;
                err.println(file + ": unreadable document: " + unreadableDocument.getMessage());
            } catch (NoSuchFileException missing) {
                unreadable++;
                err.println(file + ": cannot read the file: no such file");
            } catch (IOException cannotRead) {
                unreadable++;
                err.println(file + ": cannot read the file: " + cannotRead);
            }
            out.flush();
        }
        err.flush();
        return unreadable == 0 ? 0 : 1;
    }

    private static Map<String, Object> failure(String errorType, String reason) {
        Map<String, Object> failure = new LinkedHashMap<>();
        failure.put("error", errorType);
        failure.put("reason", reason);
        return failure;
    }

    private String jsonLine(Path file, Map<String, Object> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("file", file.toString());
        line.putAll(fields);
        try {
            return mapper.writeValueAsString(line) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed report cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
