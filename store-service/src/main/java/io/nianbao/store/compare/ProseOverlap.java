package io.nianbao.store.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.nianbao.store.domain.DocumentPaths;

/**
 * A report's prose set against another's, sentence by sentence: which of its sentences the other has word for word
 * (whitespace aside), and what share of its text they make up. What COPY-PRIOR and COPY-PEER judge, made visible.
 */
public final class ProseOverlap {
    /** The narrative sections, by the stored path and the heading the template prints. */
    public static final List<Section> SECTIONS = List.of(new Section("narrative.overview", "一、总体情况"),
            new Section("narrative.problems", "五、存在的主要问题及改进情况"),
            new Section("narrative.otherMatters", "六、其他需要报告的事项"));

    /** Sentences shorter than this (characters) are the phrases every report shares: never counted as copied. */
    static final int MIN_SENTENCE = 12;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？；!?;])|\\n+");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u3000]+");

    public record Section(String path, String heading) {
    }

    /** @param copied whether the other text has this sentence */
    public record Passage(String text, boolean copied) {
    }

    public record SectionOverlap(String heading, List<Passage> passages) {
    }

    /** @param share copied characters over all characters of the prose, 0–1; null when there is no prose */
    public record Overlap(Double share, List<SectionOverlap> sections) {
    }

    private ProseOverlap() {
    }

    /** {@code report}'s prose with the sentences {@code other} has too marked as copied. */
    public static Overlap of(Map<String, Object> report, Map<String, Object> other) {
        Set<String> theirs = new HashSet<>();
        for (Section section : SECTIONS) {
            sentences(text(other, section)).forEach(sentence -> theirs.add(compact(sentence)));
        }
        long total = 0;
        long copied = 0;
        List<SectionOverlap> sections = new ArrayList<>();
        for (Section section : SECTIONS) {
            List<Passage> passages = new ArrayList<>();
            for (String sentence : sentences(text(report, section))) {
                String compact = compact(sentence);
                boolean isCopied = compact.length() >= MIN_SENTENCE && theirs.contains(compact);
                total += compact.length();
                copied += isCopied ? compact.length() : 0;
                passages.add(new Passage(sentence, isCopied));
            }
            sections.add(new SectionOverlap(section.heading(), passages));
        }
        return new Overlap(total == 0 ? null : (double) copied / total, sections);
    }

    /** The sentences both have, in {@code report}'s order: the text two near-identical reports share. */
    public static List<String> shared(Map<String, Object> report, Map<String, Object> other) {
        return of(report, other).sections().stream().flatMap(section -> section.passages().stream())
                .filter(Passage::copied).map(Passage::text).toList();
    }

    private static String text(Map<String, Object> report, Section section) {
        return report == null ? null : DocumentPaths.value(report, section.path()) instanceof String text ? text : null;
    }

    static List<String> sentences(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> sentences = new ArrayList<>();
        for (String piece : SENTENCE_END.split(text)) {
            String sentence = piece.strip();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    private static String compact(String sentence) {
        return WHITESPACE.matcher(sentence).replaceAll("");
    }
}
