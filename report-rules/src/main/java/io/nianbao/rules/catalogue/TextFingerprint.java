package io.nianbao.rules.catalogue;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.nianbao.schema.ParsedReport;

/**
 * A report's prose as the hashes of its longer sentences (without whitespace): a copy of another report shares
 * most of them verbatim, so copies among thousands of reports are found by looking sentences up rather than by
 * comparing every pair of texts. Short sentences are left out: they are the phrases every report shares.
 */
public final class TextFingerprint {
    /** Sentences shorter than this (characters) say too little to tell a copy. */
    static final int MIN_SENTENCE = 20;

    private TextFingerprint() {
    }

    /** Empty when the prose is too short to tell a copy from the boilerplate every report shares. */
    public static Set<Long> of(ParsedReport report) {
        return sentences(report).keySet();
    }

    /**
     * The fingerprint's sentences with their lengths (characters): what a copy's similarity is weighed with when
     * only the fingerprints can be compared ({@link CopyPeerRule#fingerprintSimilarity}). Empty as {@link #of} is.
     * Derived once per report object ({@link ProseMemo}); not to be changed.
     */
    public static Map<Long, Integer> sentences(ParsedReport report) {
        return ProseMemo.of(report).fingerprint();
    }

    /** The fingerprint of a narrative ({@link ReportProse#narrative}) and its compact form; both null for none. */
    static Map<Long, Integer> derive(String text, String compact) {
        if (text == null || compact.length() < CopyPriorRule.MIN_CHARS) {
            return Map.of();
        }
        Map<Long, Integer> sentences = new LinkedHashMap<>();
        for (String sentence : ReportProse.sentences(text)) {
            if (sentence.length() >= MIN_SENTENCE) {
                sentences.put(hash(sentence), sentence.length());
            }
        }
        return Collections.unmodifiableMap(sentences);
    }

    /** The 64-bit hash (FNV-1a of the UTF-8 bytes) sentences are fingerprinted with. */
    public static long hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
