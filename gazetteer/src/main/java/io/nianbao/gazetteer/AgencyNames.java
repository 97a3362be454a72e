package io.nianbao.gazetteer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Finds the division names inside an agency's name (「盐池县花马池镇人民政府」 → 盐池县, 花马池镇). */
final class AgencyNames {
    /**
     * The organ words around a division name. They are cut out (not just trimmed at the end) so that no name is
     * matched across them; longest first, so 人民政府 goes before 政府.
     */
    private static final Pattern ORGAN_WORDS = Pattern.compile(
            "人民政府|政府|办事处|党委|党工委|管理委员会|管委会|委员会|办公室|办公厅|\\s+|[()（）/、,，]");

    private final Map<String, List<Division>> byName;
    private final int longestName;

    AgencyNames(Map<String, List<Division>> byName) {
        this.byName = byName;
        this.longestName = byName.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /** The names found, left to right, each with every division that bears it; the longest name wins at each place. */
    List<List<Division>> find(String agency) {
        // NFKC: full-width letters, digits and brackets as their ASCII forms.
        String text = ORGAN_WORDS.matcher(Normalizer.normalize(agency, Normalizer.Form.NFKC)).replaceAll("|");
        List<List<Division>> found = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int length = longestNameAt(text, at);
            if (length == 0) {
                at++;
            } else {
                found.add(byName.get(text.substring(at, at + length)));
                at += length;
            }
        }
        return found;
    }

    private int longestNameAt(String text, int at) {
        for (int length = Math.min(longestName, text.length() - at); length >= 2; length--) {
            if (byName.containsKey(text.substring(at, at + length))) {
                return length;
            }
        }
        return 0;
    }
}
