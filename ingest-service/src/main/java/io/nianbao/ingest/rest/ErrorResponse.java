package io.nianbao.ingest.rest;

/** The JSON body of every refusal: a stable code for programs, a sentence for people. */
public record ErrorResponse(String error, String message) {
}
