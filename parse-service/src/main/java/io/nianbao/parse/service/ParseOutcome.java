package io.nianbao.parse.service;

import io.nianbao.schema.DeadLetter;
import io.nianbao.schema.ParsedReport;

/** What became of one raw record: a parsed report for reports.parsed, or a dead letter for reports.dlq. */
public sealed interface ParseOutcome {

    /** @param province two-digit province code for the header, or null when unknown */
    record Parsed(ParsedReport report, String key, String province) implements ParseOutcome {
    }

    record DeadLettered(DeadLetter deadLetter, String key, String province) implements ParseOutcome {
    }
}
