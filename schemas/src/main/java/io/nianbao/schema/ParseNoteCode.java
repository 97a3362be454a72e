package io.nianbao.schema;

/**
 * The codes of {@link ParseNote}: what the parser noticed that a rule or a person may act on. The parser writes them,
 * the rules switch on them; the note's message is the same fact as a sentence for people.
 */
public enum ParseNoteCode {
    /** A count cell prints a negative number; it is read as printed for NUM-DOMAIN to judge. */
    NEGATIVE_COUNT,
    /** A count cell holds no whole number (「3.5」); the cell is null. */
    NON_INTEGER_COUNT,
    /** A cell prints 「—」「/」「无」 instead of a figure; the cell is null. */
    PLACEHOLDER_CELL,
    /** 行政事业性收费 is printed in 元 where the template asks 万元; the amount is read in 万元. */
    FEE_UNIT_YUAN,
    /** The agency's division is named as it was not in the report year (孟津县 after it became 孟津区). */
    DIVISION_STALE,
    /**
     * A hint given with the report (the crawl source's or upload's province or division) chose among the places the
     * report's words name, or supplied the place where they name none.
     */
    DIVISION_FROM_HINT,
    /** The report's words name a place outside the hinted province or division; the report's words are taken. */
    DIVISION_HINT_DISAGREES,
    /** The agency's name names no place; the name of the site that published the page (its SiteName) placed it. */
    DIVISION_FROM_SITE_NAME,
    /** Neither the agency's name nor the site's names a place; the agency named with the upload or crawl source did. */
    DIVISION_FROM_AGENCY_HINT,
    /** A table printed column by column was rebuilt into its rows. */
    COLUMN_ORDER_REBUILT,
    /** A table printed column by column could not be rebuilt; its rows are null. */
    COLUMN_ORDER_UNREAD,
    /** The text was read by OCR from page images. */
    OCR_READ;

    /** Whether {@code note} carries this code. */
    public boolean marks(ParseNote note) {
        return name().equals(note.getCode());
    }
}
