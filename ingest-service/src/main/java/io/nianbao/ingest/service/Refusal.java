package io.nianbao.ingest.service;

/** Why an upload was not accepted, with the HTTP status and the stable error code the client sees. */
public enum Refusal {
    EMPTY_BODY(400, "empty_body"),
    UNREADABLE_BODY(400, "unreadable_body"),
    INVALID_HINT(400, "invalid_hint"),
    UNAUTHORIZED(401, "unauthorized"),
    TOO_LARGE(413, "too_large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    BROKER_UNAVAILABLE(503, "broker_unavailable");

    private final int status;
    private final String code;

    Refusal(int status, String code) {
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
