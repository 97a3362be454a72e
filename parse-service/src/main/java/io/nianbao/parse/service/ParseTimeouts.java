package io.nianbao.parse.service;

import java.time.Duration;

/**
 * How long one document may take to parse: {@code base} for any document, plus {@code perOcrPage} for each page
 * Tesseract may have to read (some 5.5 s a page on one core, docs/BENCHMARKS.md), never more than {@code max}. A text
 * document keeps the tight base bound; a scan gets the time its pages need.
 */
public record ParseTimeouts(Duration base, Duration perOcrPage, Duration max) {
    public ParseTimeouts {
        if (base.isNegative() || base.isZero() || perOcrPage.isNegative() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("Parse timeouts need a positive base, a per-page allowance of at "
                    + "least 0 and a maximum of at least the base; got " + base + ", " + perOcrPage + ", " + max + ".");
        }
    }

    public ParseBudget budgetFor(int pagesToOcr) {
        Duration needed = base.plus(perOcrPage.multipliedBy(pagesToOcr));
        String derivation = readable(base) + (pagesToOcr == 0 ? ", no page to OCR"
                : " + " + pagesToOcr + (pagesToOcr == 1 ? " page" : " pages") + " to OCR × " + readable(perOcrPage));
        if (needed.compareTo(max) > 0) {
            return new ParseBudget(max, derivation + ", capped at " + readable(max));
        }
        return new ParseBudget(needed, derivation);
    }

    /** 「60 s」 for whole seconds, 「5 ms」 for whole milliseconds, else the ISO form. */
    private static String readable(Duration duration) {
        if (duration.toNanosPart() == 0) {
            return duration.toSeconds() + " s";
        }
        if (duration.toNanosPart() % 1_000_000 == 0) {
            return duration.toMillis() + " ms";
        }
        return duration.toString();
    }
}
