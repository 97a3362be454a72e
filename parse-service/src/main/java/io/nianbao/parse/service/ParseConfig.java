package io.nianbao.parse.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "nianbao.parse")
public interface ParseConfig {
    /** Longest a parse may run before the record is dead-lettered as PARSE_TIMEOUT. */
    @WithDefault("60S")
    Duration timeout();

    /** Threads running parses. */
    @WithDefault("2")
    int workers();
}
