package io.nianbao.ingest.service;

/** An upload that was not accepted; the message is a sentence meant for the person who uploaded. */
public class UploadRefusedException extends RuntimeException {
    private final ApiError error;

    public UploadRefusedException(ApiError error, String message) {
        super(message);
        this.error = error;
    }

    public UploadRefusedException(ApiError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
