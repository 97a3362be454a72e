package io.nianbao.store.rest;

import jakarta.ws.rs.core.Response.Status;

/** A request the API answers with an error status and a {@link ErrorBody} body. */
public class ApiException extends RuntimeException {
    private final Status status;
    private final String error;

    ApiException(Status status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    static ApiException invalidParameter(String name, String why) {
        return new ApiException(Status.BAD_REQUEST, "invalid_parameter", name + ": " + why);
    }

    /** A request the API could answer only in part; it answers none of it instead. */
    static ApiException tooLarge(String message) {
        return new ApiException(Status.BAD_REQUEST, "too_large", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(Status.NOT_FOUND, "not_found", message);
    }

    Status status() {
        return status;
    }

    ErrorBody body() {
        return new ErrorBody(error, getMessage());
    }
}
