package io.nianbao.ingest.service;

/** Why a request was not carried out, with the HTTP status and the stable error code the client sees. */
public enum RequestRejection {
    EMPTY_BODY(400, "empty_body"),
    UNREADABLE_BODY(400, "unreadable_body"),
    INVALID_HINT(400, "invalid_hint"),
    INVALID_SOURCE(400, "invalid_source"),
    UNAUTHORIZED(401, "unauthorized"),
    SOURCE_NOT_FOUND(404, "source_not_found"),
    SOURCE_EXISTS(409, "source_exists"),
    CRAWL_IN_PROGRESS(409, "crawl_in_progress"),
    SOURCE_OF_OTHER_INSTANCE(409, "source_of_other_instance"),
    TOO_LARGE(413, "too_large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    BROKER_UNAVAILABLE(503, "broker_unavailable"),
    STORE_UNAVAILABLE(503, "store_unavailable");

    private final int status;
    private final String code;

    RequestRejection(int status, String code) {
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
