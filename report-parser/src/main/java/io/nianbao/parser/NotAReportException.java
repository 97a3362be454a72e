package io.nianbao.parser;

/** The document was read, but it is not an annual report: no report title, no template section, no table. */
public final class NotAReportException extends ReportParseException {
    public NotAReportException(String reason) {
        super(reason, null);
    }

    @Override
    public String errorType() {
        return "NOT_A_REPORT";
    }
}
