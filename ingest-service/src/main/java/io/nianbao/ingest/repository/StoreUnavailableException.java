package io.nianbao.ingest.repository;

/** The crawl topics could not be read or written (broker down, topic missing); nothing was changed. */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
