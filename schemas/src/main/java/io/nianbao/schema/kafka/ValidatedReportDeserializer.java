package io.nianbao.schema.kafka;

import io.nianbao.schema.ValidatedReport;

public class ValidatedReportDeserializer extends AvroDeserializer<ValidatedReport> {
    public ValidatedReportDeserializer() {
        super(ValidatedReport.class);
    }
}
