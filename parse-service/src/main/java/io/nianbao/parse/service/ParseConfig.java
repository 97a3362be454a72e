package io.nianbao.parse.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "nianbao.parse")
public interface ParseConfig {
    /** Longest a parse with no page to OCR may run before the record is dead-lettered as PARSE_TIMEOUT. */
    @WithDefault("60S")
    Duration timeout();

    /** Added to the timeout for each page Tesseract may have to read. */
    @WithDefault("30S")
    Duration ocrPageTimeout();

    /** The most any parse may run, however many pages it has to OCR. */
    @WithDefault("30M")
    Duration maxTimeout();

    /** Threads running parses. */
    @WithDefault("2")
    int workers();

    /** Outcomes sent and not yet acknowledged by the broker, at most. */
    @WithDefault("256")
    int maxInFlight();

    default ParseTimeouts timeouts() {
        return new ParseTimeouts(timeout(), ocrPageTimeout(), maxTimeout());
    }
}
