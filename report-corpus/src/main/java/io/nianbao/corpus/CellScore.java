package io.nianbao.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.json.RecordMaps;

/**
 * A parse compared with its truth cell by cell: sections 二, 三 and 四 and the identity. A cell left null is a loss;
 * a cell with another value than printed is an error, far worse; a value where the template prints none is invented.
 */
public record CellScore(int expected, int correct, int missing, int wrong, int invented, List<String> errors) {
    /** The fields compared: the report's identity, its division and the three tables. */
    static final List<String> COMPARED = List.of("agency", "year", "template", "titleYear", "periodYear",
            "publicationDate", "division", "active", "applications", "review", "litigationDirect", "litigationAfterReview");
    /** Division fields the truth does not label: town codes are not written by hand. */
    private static final Set<String> UNLABELLED = Set.of("division.townCode", "division.candidates");
    private static final double AMOUNT_TOLERANCE = 1e-9;

    public CellScore {
        errors = List.copyOf(errors);
    }

    public static final CellScore NONE = new CellScore(0, 0, 0, 0, 0, List.of());

    public static CellScore compare(ParsedReport truth, ParsedReport parsed) {
        Map<String, Object> expected = leaves(truth);
        Map<String, Object> actual = parsed == null ? Map.of() : leaves(parsed);
        int correct = 0;
        int missing = 0;
        int wrong = 0;
        int invented = 0;
        int cells = 0;
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, Object> cell : expected.entrySet()) {
            Object value = actual.get(cell.getKey());
            if (cell.getValue() == null) {
                if (value != null) {
                    invented++;
                    errors.add(cell.getKey() + ": none printed, read " + value);
                }
                continue;
            }
            cells++;
            if (value == null) {
                missing++;
            } else if (same(cell.getValue(), value)) {
                correct++;
            } else {
                wrong++;
                errors.add(cell.getKey() + ": printed " + cell.getValue() + ", read " + value);
            }
        }
        return new CellScore(cells, correct, missing, wrong, invented, errors);
    }

    public CellScore plus(CellScore other) {
        List<String> all = new ArrayList<>(errors);
        all.addAll(other.errors);
        return new CellScore(expected + other.expected, correct + other.correct, missing + other.missing,
                wrong + other.wrong, invented + other.invented, all);
    }

    /** Correct cells out of expected ones, 0–1. */
    public double accuracy() {
        return expected == 0 ? 0 : (double) correct / expected;
    }

    /** Every compared leaf by path (「applications.denied.stateSecret[3]」); absent rows and records give null leaves. */
    private static Map<String, Object> leaves(ParsedReport report) {
        Map<String, Object> map = RecordMaps.toMap(report);
        Map<String, Object> leaves = new LinkedHashMap<>();
        for (String field : COMPARED) {
            flatten(field, map.get(field), leaves);
        }
        return leaves;
    }

    private static void flatten(String path, Object value, Map<String, Object> leaves) {
        if (value instanceof Map<?, ?> record) {
            record.forEach((key, nested) -> flatten(path + "." + key, nested, leaves));
        } else if (value instanceof List<?> cells) {
            for (int i = 0; i < cells.size(); i++) {
                flatten(path + "[" + i + "]", cells.get(i), leaves);
            }
        } else if (!UNLABELLED.contains(path)) {
            // An agency the parser could not place is a division not read, like a null cell, not a wrong one.
            leaves.put(path, path.equals("division.status") && "unresolved".equals(value) ? null : value);
        }
    }

    private static boolean same(Object expected, Object actual) {
        if (expected instanceof Double a && actual instanceof Double b) {
            return Math.abs(a - b) < AMOUNT_TOLERANCE;
        }
        return Objects.equals(expected, actual);
    }
}
