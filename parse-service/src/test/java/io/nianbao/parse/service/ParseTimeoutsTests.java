package io.nianbao.parse.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ParseTimeoutsTests {
    private final ParseTimeouts timeouts = new ParseTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(30),
            Duration.ofMinutes(30));

    @Test
    void documentWithNoPageToOcrGetsTheBase() {
        ParseBudget budget = timeouts.budgetFor(0);

        assertThat(budget.limit()).isEqualTo(Duration.ofSeconds(60));
        assertThat(budget).hasToString("PT1M (60 s, no page to OCR)");
    }

    @Test
    void eachPageToOcrAddsItsAllowance() {
        ParseBudget budget = timeouts.budgetFor(3);

        assertThat(budget.limit()).isEqualTo(Duration.ofSeconds(60 + 3 * 30));
        assertThat(budget).hasToString("PT2M30S (60 s + 3 pages to OCR × 30 s)");
        assertThat(timeouts.budgetFor(1)).hasToString("PT1M30S (60 s + 1 page to OCR × 30 s)");
    }

    @Test
    void budgetIsCappedAtTheMaximum() {
        ParseBudget budget = timeouts.budgetFor(100);

        assertThat(budget.limit()).isEqualTo(Duration.ofMinutes(30));
        assertThat(budget).hasToString("PT30M (60 s + 100 pages to OCR × 30 s, capped at 1800 s)");
        assertThat(timeouts.budgetFor(58).limit()).isEqualTo(Duration.ofSeconds(60 + 58 * 30));
        assertThat(timeouts.budgetFor(59).limit()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void maximumBelowTheBaseIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ParseTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(30),
                        Duration.ofSeconds(59)))
                .withMessageContaining("a maximum of at least the base");
    }
}
