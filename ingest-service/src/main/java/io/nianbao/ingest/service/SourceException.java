package io.nianbao.ingest.service;

/** A request about sources that cannot be carried out; the message says why to the administrator. */
public class SourceException extends RuntimeException {
    private final ApiError error;

    public SourceException(ApiError error, String message) {
        super(message);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
