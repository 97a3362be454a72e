package io.nianbao.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The Dice coefficient COPY-PRIOR and COPY-PEER compare prose with. */
class ProseSimilarityTests {

    @Test
    void identicalTextsAreOneAndTextsWithoutACommonBigramZero() {
        assertThat(CopyPriorRule.similarity("本机关全年共收到申请12件", "本机关全年共收到申请12件")).isEqualTo(1.0);
        assertThat(CopyPriorRule.similarity("甲乙丙丁", "戊己庚辛")).isZero();
    }

    @Test
    void aBigramCountsAsOftenAsTheTextHoldingItFewerTimesHoldsIt() {
        // "aaa" holds aa twice, "aa" once: one shared of 2 + 1 bigrams.
        assertThat(CopyPriorRule.similarity("aaa", "aa")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(CopyPriorRule.similarity("abab", "baba")).isCloseTo(2.0 * 2 / 6, within(1e-12));
    }

    @Test
    void itIsTheMultisetDiceCoefficientOfTheCharacterBigramsOnAnyText() {
        // CJK, Latin, digits, punctuation and a character outside the BMP (two UTF-16 units), few enough that
        // bigrams repeat.
        String[] alphabet = {"公", "开", "申", "请", "件", "1", "2", "a", "。", "\uD842\uDFB7"};
        Random random = new Random(2026);
        for (int n = 0; n < 2_000; n++) {
            String a = text(random, alphabet);
            String b = random.nextInt(4) == 0 ? a.substring(0, a.length() / 2) + text(random, alphabet) : text(random, alphabet);
            assertThat(CopyPriorRule.similarity(a, b)).as("%s / %s", a, b).isEqualTo(diceOfBigramMultisets(a, b));
            assertThat(CopyPriorRule.similarity(b, a)).isEqualTo(CopyPriorRule.similarity(a, b));
        }
    }

    private static String text(Random random, String[] alphabet) {
        StringBuilder text = new StringBuilder();
        for (int i = 2 + random.nextInt(40); i > 0; i--) {
            text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }

    /** The definition, spelled out: bigrams as two-unit substrings, counted, the smaller count of each summed. */
    private static double diceOfBigramMultisets(String a, String b) {
        Map<String, Integer> one = bigramCounts(a);
        Map<String, Integer> other = bigramCounts(b);
        int shared = 0;
        for (Map.Entry<String, Integer> bigram : one.entrySet()) {
            shared += Math.min(bigram.getValue(), other.getOrDefault(bigram.getKey(), 0));
        }
        return 2.0 * shared / ((a.length() - 1) + (b.length() - 1));
    }

    private static Map<String, Integer> bigramCounts(String text) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + 2 <= text.length(); i++) {
            counts.merge(text.substring(i, i + 2), 1, Integer::sum);
        }
        return counts;
    }
}
