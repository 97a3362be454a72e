package io.nianbao.schema.kafka;

import io.nianbao.schema.RawReport;

public class RawReportDeserializer extends AvroDeserializer<RawReport> {
    public RawReportDeserializer() {
        super(RawReport.class);
    }
}
