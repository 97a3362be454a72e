package io.nianbao.template;

import io.nianbao.schema.ParsedReport;

/**
 * Where one value of a report sits in the template. {@link #path()} is its canonical name everywhere a cell is named
 * as text (findings, inferred cells, parse notes, the store's documents), e.g. {@code applications.granted[6]},
 * {@code review.total}, {@code active.fees.amountWan}; it is made here and nowhere else.
 */
public sealed interface CellPath permits ApplicationCell, CaseCell, ActiveCell {

    String path();

    /** The value the report holds in this cell; null when it was not read. */
    Number valueIn(ParsedReport report);
}
