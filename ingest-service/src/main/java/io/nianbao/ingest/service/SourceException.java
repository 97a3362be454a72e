package io.nianbao.ingest.service;

/** A request about sources that cannot be carried out; the message says why to the administrator. */
public class SourceException extends RuntimeException {
    private final RequestRejection error;

    public SourceException(RequestRejection error, String message) {
        super(message);
        this.error = error;
    }

    public RequestRejection error() {
        return error;
    }
}
