package io.nianbao.ingest.service;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.apache.tika.detect.MagicDetector;
import org.apache.tika.mime.MimeTypes;
import org.jboss.logging.Logger;

/**
 * Shows cheaply that none of Tika's magics can match some bytes. Tika learns that text matches none by evaluating
 * all of them (some 850; a few scan the first 8 KiB at every offset, case-insensitively or with a regex), which was
 * nearly all of a text report's sniffing time.
 * <p>
 * Built from Tika's own registry, not from a list of ours: each magic is a tree of and/or/min-should-match clauses
 * over {@link MagicDetector}s; each detector gets a necessary condition and the tree combines them as Tika does.
 * The screen is sound, not exact: it says "none can match" only when Tika's evaluation would find no match;
 * otherwise Tika decides, as before. Tika keeps the clauses package-private, so they are read by reflection, once;
 * if a Tika upgrade changes them there is no screen, and every sniff asks Tika.
 */
final class MagicScreen {
    private static final Logger LOG = Logger.getLogger(MagicScreen.class);
    /** Detectors looking at most this many offsets are tried at each; wider ones by the byte pairs they start with. */
    private static final int NARROW = 64;

    private final List<Condition> magics;
    /** What Tika reads and evaluates its magics on: the first bytes, this many at most. */
    private final int prefix;
    /** The wide detectors match at offsets below this one. */
    private final int pairsEnd;

    private MagicScreen(List<Condition> magics, int prefix, int pairsEnd) {
        this.magics = magics;
        this.prefix = prefix;
        this.pairsEnd = pairsEnd;
    }

    /** @return the screen of the registry's magics, or empty when Tika's internals are not those read here */
    static Optional<MagicScreen> of(MimeTypes mimeTypes) {
        try {
            List<Condition> magics = new ArrayList<>();
            int[] pairsEnd = {0};
            for (Object magic : (List<?>) field(mimeTypes, "magics")) {
                magics.add(condition(field(magic, "clause"), pairsEnd));
            }
            return Optional.of(new MagicScreen(List.copyOf(magics), mimeTypes.getMinLength(), pairsEnd[0]));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Tika's magics could not be read (%s): every upload's type is sniffed by all of them", e);
            return Optional.empty();
        }
    }

    /** @return true only if none of the registry's magics matches the content's first bytes, those Tika reads */
    boolean noneCanMatch(byte[] content) {
        Bytes bytes = new Bytes(content, Math.min(content.length, prefix), pairsEnd);
        for (Condition magic : magics) {
            if (magic.possible(bytes)) {
                return false;
            }
        }
        return true;
    }

    /** A necessary condition for a clause to match: false only if it cannot. */
    private interface Condition {
        boolean possible(Bytes bytes);
    }

    private static Condition condition(Object clause, int[] pairsEnd) throws ReflectiveOperationException {
        switch (clause.getClass().getSimpleName()) {
            case "AndClause":
                return new All(conditions(Arrays.asList((Object[]) field(clause, "clauses")), pairsEnd));
            case "OrClause":
                return new AtLeast(1, conditions((List<?>) field(clause, "clauses"), pairsEnd));
            case "MinShouldMatchClause":
                return new AtLeast((Integer) field(clause, "min"), conditions((List<?>) field(clause, "clauses"), pairsEnd));
            case "MagicMatch":
                Method detector = clause.getClass().getDeclaredMethod("getDetector");
                detector.setAccessible(true);
                return detector((MagicDetector) detector.invoke(clause), pairsEnd);
            default:
                return bytes -> true; // a clause unknown here may match anything
        }
    }

    private static List<Condition> conditions(List<?> clauses, int[] pairsEnd) throws ReflectiveOperationException {
        List<Condition> conditions = new ArrayList<>();
        for (Object clause : clauses) {
            conditions.add(condition(clause, pairsEnd));
        }
        return List.copyOf(conditions);
    }

    private record All(List<Condition> conditions) implements Condition {
        @Override
        public boolean possible(Bytes bytes) {
            for (Condition condition : conditions) {
                if (!condition.possible(bytes)) {
                    return false;
                }
            }
            return true;
        }
    }

    private record AtLeast(int min, List<Condition> conditions) implements Condition {
        @Override
        public boolean possible(Bytes bytes) {
            int possible = 0;
            for (Condition condition : conditions) {
                if (condition.possible(bytes) && ++possible >= min) {
                    return true;
                }
            }
            return false;
        }
    }

    private static Condition detector(MagicDetector detector, int[] pairsEnd) throws ReflectiveOperationException {
        byte[] pattern = (byte[]) field(detector, "pattern");
        byte[] mask = (byte[]) field(detector, "mask");
        boolean ignoreCase = (Boolean) field(detector, "isStringIgnoreCase");
        int begin = (Integer) field(detector, "offsetRangeBegin");
        int end = (Integer) field(detector, "offsetRangeEnd");
        if ((Boolean) field(detector, "isRegex")) {
            // compiled as MagicDetector compiles it, and matched (lookingAt) in a window of `length` chars at each offset
            Pattern regex = Pattern.compile(new String(pattern, StandardCharsets.UTF_8), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
            int window = (Integer) field(detector, "length");
            if (end - begin < NARROW || window < 2) {
                return new NarrowRegex(regex, begin, end, window);
            }
            pairsEnd[0] = Math.max(pairsEnd[0], end + 1);
            return new WidePairs(begin, end, begin, regexPairs(regex));
        }
        Bytewise bytewise = new Bytewise(pattern, mask, ignoreCase);
        if (end - begin < NARROW) {
            return new NarrowBytes(bytewise, begin, end);
        }
        pairsEnd[0] = Math.max(pairsEnd[0], end + 1);
        return new WidePairs(begin, end, begin + pattern.length, bytewise.pairs());
    }

    /** MagicDetector's comparison of a byte with the pattern's {@code j}th: masked, maybe lower-cased. */
    private record Bytewise(byte[] pattern, byte[] mask, boolean ignoreCase) {
        boolean accepts(int j, byte b) {
            int masked = b & mask[j];
            if (ignoreCase) {
                masked = Character.toLowerCase(masked);
            }
            return masked == pattern[j];
        }

        /** [first][second]: the byte pairs a match starts with (any second byte after a one-byte pattern). */
        boolean[][] pairs() {
            boolean[] second = new boolean[256];
            for (int b = 0; b < 256; b++) {
                second[b] = pattern.length < 2 || accepts(1, (byte) b);
            }
            boolean[][] pairs = new boolean[256][];
            for (int b = 0; b < 256; b++) {
                if (pattern.length == 0 || accepts(0, (byte) b)) {
                    pairs[b] = second;
                }
            }
            return pairs;
        }
    }

    /**
     * [first][second]: the pairs of chars (bytes read as ISO-8859-1, as MagicDetector reads them) a regex match can
     * start with. A probe that fails without reading to its end ({@link Matcher#hitEnd()} false) fails whatever
     * follows, so only those pairs are ruled out.
     */
    private static boolean[][] regexPairs(Pattern regex) {
        boolean[][] pairs = new boolean[256][];
        for (int first = 0; first < 256; first++) { // MagicDetector's window is at least 2 chars wide here
            Matcher one = regex.matcher(String.valueOf((char) first));
            if (one.lookingAt() || one.hitEnd()) {
                pairs[first] = new boolean[256];
                for (int second = 0; second < 256; second++) {
                    Matcher two = regex.matcher(new String(new char[] {(char) first, (char) second}));
                    pairs[first][second] = two.lookingAt() || two.hitEnd();
                }
            }
        }
        return pairs;
    }

    /** A byte pattern at a few offsets, compared at each; past the bytes' end (zeros, for Tika) it may match. */
    private record NarrowBytes(Bytewise bytewise, int begin, int end) implements Condition {
        @Override
        public boolean possible(Bytes bytes) {
            if (bytes.length < begin + bytewise.pattern().length) {
                return false; // MagicDetector compares nothing unless the pattern fits at the first offset
            }
            for (int at = begin; at <= end; at++) {
                if (possibleAt(bytes, at)) {
                    return true;
                }
            }
            return false;
        }

        private boolean possibleAt(Bytes bytes, int at) {
            for (int j = 0; j < bytewise.pattern().length && at + j < bytes.length; j++) {
                if (!bytewise.accepts(j, bytes.data[at + j])) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A regex at a few offsets, matched at each in MagicDetector's window; where the bytes end inside the window
     * (Tika pads with zeros), a regex that reads to their end may match.
     */
    private record NarrowRegex(Pattern regex, int begin, int end, int window) implements Condition {
        @Override
        public boolean possible(Bytes bytes) {
            if (bytes.length < begin) {
                return false; // MagicDetector matches nothing when the bytes end before the first offset
            }
            Matcher matcher = regex.matcher(bytes.latin1());
            for (int at = begin; at <= end; at++) {
                if (at >= bytes.length) {
                    return true;
                }
                matcher.region(at, Math.min(at + window, bytes.length));
                if (matcher.lookingAt() || matcher.hitEnd()) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A pattern anywhere in a wide window: possible if the bytes hold a pair it starts with (anywhere before
     * {@link #pairsEnd}, a superset of the window's), or if the window reaches past their last byte, where the
     * pairs are Tika's zero padding.
     */
    private static final class WidePairs implements Condition {
        private final int begin;
        private final int end;
        /** Shorter bytes, and MagicDetector compares nothing. */
        private final int shortest;
        private final boolean[][] pairs;
        private final int[] codes;

        WidePairs(int begin, int end, int shortest, boolean[][] pairs) {
            this.begin = begin;
            this.end = end;
            this.shortest = shortest;
            this.pairs = pairs;
            this.codes = IntStream.range(0, 256).filter(first -> pairs[first] != null)
                    .flatMap(first -> IntStream.range(0, 256).filter(second -> pairs[first][second]).map(second -> first << 8 | second))
                    .toArray();
        }

        @Override
        public boolean possible(Bytes bytes) {
            if (bytes.length < shortest) {
                return false;
            }
            int last = bytes.length - 1;
            if (begin <= last && last <= end && starts(bytes.data[last] & 0xff, 0)) {
                return true; // the last byte, then padding
            }
            if (end > last && starts(0, 0)) {
                return true; // padding only
            }
            for (int code : codes) {
                if (bytes.hasPair(code)) {
                    return true;
                }
            }
            return false;
        }

        private boolean starts(int first, int second) {
            return pairs[first] != null && pairs[first][second];
        }
    }

    /** The bytes Tika reads, and the byte pairs at their offsets below the wide windows' end, as a bitset of 2^16. */
    private static final class Bytes {
        final byte[] data;
        final int length;
        private final long[] pairs = new long[1 << 10];
        private String latin1;

        Bytes(byte[] data, int length, int pairsEnd) {
            this.data = data;
            this.length = length;
            for (int at = 0; at < Math.min(pairsEnd, length - 1); at++) {
                int code = (data[at] & 0xff) << 8 | data[at + 1] & 0xff;
                pairs[code >>> 6] |= 1L << code;
            }
        }

        boolean hasPair(int code) {
            return (pairs[code >>> 6] & 1L << code) != 0;
        }

        String latin1() {
            if (latin1 == null) {
                latin1 = new String(data, 0, length, StandardCharsets.ISO_8859_1);
            }
            return latin1;
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }
}
