package io.nianbao.parser;

/** The bytes are not a document any extractor can read (corrupt, encrypted, an unknown binary). */
public final class UnreadableDocumentException extends ReportParseException {
    public UnreadableDocumentException(String reason, Throwable cause) {
        super(reason, cause);
    }

    @Override
    public String errorType() {
        return "UNREADABLE_DOCUMENT";
    }
}
