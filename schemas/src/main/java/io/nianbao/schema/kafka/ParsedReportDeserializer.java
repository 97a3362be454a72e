package io.nianbao.schema.kafka;

import io.nianbao.schema.ParsedReport;

public class ParsedReportDeserializer extends AvroDeserializer<ParsedReport> {
    public ParsedReportDeserializer() {
        super(ParsedReport.class);
    }
}
