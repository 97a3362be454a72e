package io.nianbao.parser;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import com.fasterxml.jackson.databind.JsonNode;

import io.nianbao.schema.Division;
import io.nianbao.schema.ParsedReport;

/**
 * A parsed report scored against its hand-made truth ({@code NAME.truth.json}, real-pages/README.md): every cell of
 * sections 二, 三 and 四 is right, wrong or missed (read as null where a number is printed); a truth {@code "?"} is a
 * cell nobody can read and is not scored; a truth null is a cell printed blank, which only null reads right. The
 * identity (agency, year, template, province, county) is right or it is listed.
 */
record DocumentScore(String document, int right, int wrong, int missed, List<String> misreadCells,
        List<String> identityMisses) {
    private static final List<String> TABLES = List.of("active", "applications", "review", "litigationDirect",
            "litigationAfterReview");
    /** A six-digit province code is the gazetteer's two-digit one followed by four zeros. */
    private static final String PROVINCE_SUFFIX = "0000";

    static DocumentScore of(String document, JsonNode truth, ParsedReport report) {
        Tally tally = new Tally();
        for (String table : TABLES) {
            tally.compare(table, truth.path(table), report.get(table));
        }
        return new DocumentScore(document, tally.right, tally.wrong, tally.missed, List.copyOf(tally.misread),
                identityMisses(truth, report));
    }

    int scored() {
        return right + wrong + missed;
    }

    double rightShare() {
        return scored() == 0 ? 1.0 : (double) right / scored();
    }

    private static List<String> identityMisses(JsonNode truth, ParsedReport report) {
        List<String> misses = new ArrayList<>();
        String agencyPart = truth.path("agencyContains").asText();
        if (report.getAgency() == null || !report.getAgency().contains(agencyPart)) {
            misses.add("agency " + report.getAgency() + " (truth contains " + agencyPart + ")");
        }
        if (!Objects.equals(report.getYear(), truth.path("year").asInt())) {
            misses.add("year " + report.getYear() + " (truth " + truth.path("year").asInt() + ")");
        }
        if (!Objects.equals(report.getTemplate(), truth.path("template").asText())) {
            misses.add("template " + report.getTemplate() + " (truth " + truth.path("template").asText() + ")");
        }
        Division division = report.getDivision();
        String province = division.getProvinceCode() == null ? null : division.getProvinceCode() + PROVINCE_SUFFIX;
        if (!truth.path("province").asText().equals(province)) {
            misses.add("province " + province + " (truth " + truth.path("province").asText() + ", division "
                    + division.getStatus() + ")");
        }
        if (truth.has("county") && !truth.path("county").asText().equals(division.getCountyCode())) {
            misses.add("county " + division.getCountyCode() + " (truth " + truth.path("county").asText() + ")");
        }
        return misses;
    }

    private static final class Tally {
        private int right;
        private int wrong;
        private int missed;
        private final List<String> misread = new ArrayList<>();

        /** @param parsed the parsed value at {@code path}: a record, a list of cells, a number, or null */
        void compare(String path, JsonNode truth, Object parsed) {
            if (truth.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = truth.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    compare(path + "." + field.getKey(), field.getValue(), field(parsed, field.getKey()));
                }
            } else if (truth.isArray()) {
                List<?> cells = parsed instanceof List<?> list ? list : List.of();
                for (int i = 0; i < truth.size(); i++) {
                    compare(path + "[" + i + "]", truth.get(i), i < cells.size() ? cells.get(i) : null);
                }
            } else if (!truth.asText().equals("?")) {
                cell(path, truth, parsed);
            }
        }

        private void cell(String path, JsonNode truth, Object parsed) {
            boolean same = truth.isNull() ? parsed == null
                    : parsed instanceof Number number && number.doubleValue() == truth.asDouble();
            if (same) {
                right++;
            } else if (parsed == null) {
                missed++;
                misread.add(path + " null (truth " + truth + ")");
            } else {
                wrong++;
                misread.add(path + " " + parsed + " (truth " + truth + ")");
            }
        }

        /** A record's field by its canonical name; a field the record's schema lacks reads as null. */
        private static Object field(Object parsed, String name) {
            if (!(parsed instanceof GenericRecord record)) {
                return null;
            }
            Schema.Field field = record.getSchema().getField(name);
            return field == null ? null : record.get(field.pos());
        }
    }
}
