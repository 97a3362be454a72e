package io.nianbao.corpus;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.nianbao.corpus.render.Form;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.json.RecordMaps;

/** A rendering's truth file: the expected ParsedReport under the canonical names, and the injected inconsistencies. */
public final class TruthFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TruthFiles() {
    }

    /** The truth of one rendering: its file name and media type recorded in {@code expected.source}. */
    public static ParsedReport truthOf(LabelledReport report, Form form, long sizeBytes) {
        ParsedReport truth = ParsedReport.newBuilder(form.printedTruth(report)).build();
        truth.getSource().setFileName(form.fileName(report));
        truth.getSource().setMediaType(form.mediaType());
        truth.getSource().setSizeBytes(sizeBytes);
        return truth;
    }

    public static String json(LabelledReport report, Form form, ParsedReport truth) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("file", form.fileName(report));
        file.put("form", form.name());
        file.put("injections", report.injections().stream().map(Injection::ruleId).toList());
        Map<String, Object> expected = RecordMaps.toMap(truth);
        @SuppressWarnings("unchecked")
        Map<String, Object> source = (Map<String, Object>) expected.get("source");
        // Instants as ISO-8601 text: the JSON shape of the REST API, with no Jackson time module needed.
        source.put("receivedAt", String.valueOf(source.get("receivedAt")));
        file.put("expected", expected);
        try {
            return JSON.writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a truth is plain maps and lists", e);
        }
    }
}
