package io.nianbao.crawler;

/** A page that could not be fetched: network failure after retries, an HTTP error, or a body over the cap. */
public class FetchException extends Exception {
    public FetchException(String reason) {
        super(reason);
    }
}
