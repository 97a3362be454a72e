package io.nianbao.parser.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DigitRunsTests {

    @Test
    void aCrawledRowSplitsOnlyOneWayWhoseTotalIsTheSumOfItsSixColumns() {
        assertThat(DigitRuns.splits(List.of("640020470"), 7, DigitRuns::rowTotal))
                .containsExactly(List.of(64, 0, 0, 2, 0, 4, 70));
    }

    @Test
    void aPrintedSpaceIsAlwaysACellBoundaryAndACountHasNoLeadingZero() {
        assertThat(DigitRuns.splits(List.of("500000", "5"), 7, DigitRuns::rowTotal))
                .containsExactly(List.of(5, 0, 0, 0, 0, 0, 5));
        assertThat(DigitRuns.splits(List.of("23", "0", "00", "0", "023"), 7, DigitRuns::rowTotal))
                .containsExactly(List.of(23, 0, 0, 0, 0, 0, 23));
    }

    @Test
    void aRowTheRowTotalCannotDecideKeepsEveryCandidate() {
        assertThat(DigitRuns.splits(List.of("270020130"), 7, DigitRuns::rowTotal)).hasSize(2)
                .contains(List.of(27, 0, 0, 2, 0, 1, 30));
    }

    @Test
    void sectionFourSplitsByItsThreeGroupTotals() {
        assertThat(DigitRuns.splits(List.of("10203120001200000"), 15, DigitRuns::groupTotals))
                .containsExactly(List.of(1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0));
    }

    @Test
    void tokensThatAreNotBareDigitRunsAreNotSplit() {
        assertThat(DigitRuns.splits(List.of("13575394432.52元"), 2, cells -> true)).isEmpty();
        assertThat(DigitRuns.splits(List.of("+12", "3"), 3, cells -> true)).isEmpty();
    }

    @Test
    void moreTokensThanCellsHaveNoSplit() {
        assertThat(DigitRuns.splits(List.of("1", "2", "3"), 2, cells -> true)).isEmpty();
    }

    @Test
    void aRunTooLongToWalkEverySplitOfIsLeftUnsplitRatherThanHalfExplored() {
        String sixtyDigits = "123456789".repeat(6) + "123456";

        assertThat(DigitRuns.splits(List.of(sixtyDigits), 15, DigitRuns::groupTotals)).isEmpty();
    }
}
