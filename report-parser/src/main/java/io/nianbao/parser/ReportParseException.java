package io.nianbao.parser;

/** A document that cannot become a {@link io.nianbao.schema.ParsedReport}; the message says why, for a human. */
public abstract sealed class ReportParseException extends Exception
        permits NotAReportException, UnreadableDocumentException {

    protected ReportParseException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** The stable code of {@code DeadLetter.errorType}. */
    public abstract String errorType();
}
