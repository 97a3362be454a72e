package io.nianbao.parser.division;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.nianbao.parser.ParseNotes;
import io.nianbao.schema.Division;

/**
 * Resolves a report's division. For now only the province, and only from the upload's hint: a town name alone is
 * ambiguous across provinces (洪山镇 exists ten times), so nothing is guessed from the agency name until the
 * town-level gazetteer arrives.
 */
public final class DivisionResolver {
    /** 「64」, or a longer division code whose first two digits are the province (「640323」). */
    private static final Pattern CODE = Pattern.compile("(\\d{2})(?:\\d{4}|\\d{7}|\\d{10})?");

    private DivisionResolver() {
    }

    public static Division resolve(String provinceHint, ParseNotes notes) {
        Division.Builder division = Division.newBuilder().setStatus("unresolved").setCandidates(List.of());
        if (provinceHint == null || provinceHint.isBlank()) {
            return division.build();
        }
        Optional<String> code = provinceCode(provinceHint.strip());
        if (code.isEmpty()) {
            notes.warn("The province hint '" + provinceHint + "' is not a provincial division code or name;"
                    + " the division is left unresolved.");
            return division.build();
        }
        return division.setStatus("resolved")
                .setProvinceCode(code.get())
                .setProvinceName(Provinces.name(code.get()).orElseThrow())
                .build();
    }

    private static Optional<String> provinceCode(String hint) {
        var matcher = CODE.matcher(hint);
        if (matcher.matches()) {
            return Provinces.name(matcher.group(1)).map(name -> matcher.group(1));
        }
        // A name: 「宁夏」 or 「宁夏回族自治区」.
        return Provinces.all().entrySet().stream()
                .filter(entry -> hint.length() >= 2 && entry.getValue().startsWith(hint))
                .map(java.util.Map.Entry::getKey)
                .findFirst();
    }
}
