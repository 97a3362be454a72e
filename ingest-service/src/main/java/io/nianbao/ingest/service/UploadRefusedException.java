package io.nianbao.ingest.service;

/** An upload that was not accepted; the message is a sentence meant for the person who uploaded. */
public class UploadRefusedException extends RuntimeException {
    private final RequestRejection error;

    public UploadRefusedException(RequestRejection error, String message) {
        super(message);
        this.error = error;
    }

    public UploadRefusedException(RequestRejection error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public RequestRejection error() {
        return error;
    }
}
