package io.nianbao.parser.sections;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.nianbao.parser.text.TextNormaliser;

/**
 * Splits normalised report text into the six sections. Headings must come in template order, so a numbered
 * item inside a section (「一、信息公开的内容…」 inside 五) cannot restart the sequence; a missing heading is
 * skipped, not guessed.
 */
public final class SectionSplitter {
    private SectionSplitter() {
    }

    public static SectionedText split(String normalisedText) {
        String[] lines = normalisedText.split("\n", -1);
        Section[] order = Section.values();
        Map<Section, Integer> starts = new EnumMap<>(Section.class);
        int next = 0;
        for (int i = 0; i < lines.length && next < order.length; i++) {
            String compact = stripBullet(TextNormaliser.compact(lines[i]));
            for (int s = next; s < order.length; s++) {
                if (order[s].isHeading(compact)) {
                    starts.put(order[s], i);
                    next = s + 1;
                    break;
                }
            }
        }
        Map<Section, String> bodies = new EnumMap<>(Section.class);
        List<Section> found = new ArrayList<>(starts.keySet());
        for (int k = 0; k < found.size(); k++) {
            int from = starts.get(found.get(k)) + 1;
            int to = k + 1 < found.size() ? starts.get(found.get(k + 1)) : lines.length;
            bodies.put(found.get(k), String.join("\n", List.of(lines).subList(from, to)).strip());
        }
        int firstHeading = found.isEmpty() ? lines.length : starts.get(found.get(0));
        String preamble = String.join("\n", List.of(lines).subList(0, firstHeading)).strip();
        return new SectionedText(preamble, bodies);
    }

    private static String stripBullet(String compact) {
        return compact.startsWith("-") || compact.startsWith("•") ? compact.substring(1) : compact;
    }
}
