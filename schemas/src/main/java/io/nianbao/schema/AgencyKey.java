package io.nianbao.schema;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The Kafka message key: the agency's identity (division code + normalised agency name), so one agency's
 * reports stay in order on one partition while load spreads across partitions.
 */
public final class AgencyKey {
    private static final Pattern NOISE = Pattern.compile("[\\s\\p{Punct}（）《》“”‘’、，。：；·　]+");

    private AgencyKey() {
    }

    /**
     * @param divisionCode the most precise division code known (province, county or town), or null
     * @param agency       the agency name as printed, or null
     * @param fallback     used when no agency is known (the report id), so unknown agencies still spread
     */
    public static String of(String divisionCode, String agency, String fallback) {
        String name = normalise(agency);
        if (name.isEmpty()) {
            return (divisionCode == null ? "" : divisionCode) + "|#" + fallback;
        }
        return (divisionCode == null ? "" : divisionCode) + "|" + name;
    }

    /** Full-width to half-width, whitespace and punctuation removed: 「盐池县 花马池镇人民政府」 = 「盐池县花马池镇人民政府」. */
    public static String normalise(String agency) {
        if (agency == null) {
            return "";
        }
        return NOISE.matcher(Normalizer.normalize(agency, Normalizer.Form.NFKC)).replaceAll("");
    }
}
