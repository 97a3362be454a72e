package io.nianbao.store.rest;

/** The body of every error answer: a stable code and a message saying what was wrong. */
public record ErrorBody(String error, String message) {
}
