package io.nianbao.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.nianbao.schema.Alert;
import io.nianbao.schema.Applications;
import io.nianbao.schema.Completeness;
import io.nianbao.schema.Denied;
import io.nianbao.schema.Division;
import io.nianbao.schema.Finding;
import io.nianbao.schema.Narrative;
import io.nianbao.schema.NotProcessed;
import io.nianbao.schema.OtherHandling;
import io.nianbao.schema.Outcome;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.Severity;
import io.nianbao.schema.Source;
import io.nianbao.schema.Unavailable;
import io.nianbao.schema.ValidatedReport;
import io.nianbao.schema.kafka.AvroCodec;

/** Records as the validate-service writes them, and consumed Kafka records carrying their bytes. */
public final class TestRecords {
    public static final Instant RECEIVED = Instant.parse("2025-01-20T08:00:00Z");

    private TestRecords() {
    }

    public static ValidatedReport validated(String reportId, String agency, Integer year, String provinceCode,
            String parserVersion, Finding... findings) {
        ParsedReport report = ParsedReport.newBuilder()
                .setReportId(reportId)
                .setAgency(agency)
                .setYear(year)
                .setTemplate("2021")
                .setDivision(Division.newBuilder()
                        .setStatus(provinceCode == null ? "unresolved" : "resolved")
                        .setProvinceCode(provinceCode)
                        .build())
                .setSource(Source.newBuilder()
                        .setMediaType("text/plain")
                        .setFileName(reportId + ".txt")
                        .setSizeBytes(1234)
                        .setReceivedAt(RECEIVED)
                        .build())
                .setParserVersion(parserVersion)
                .setNarrative(Narrative.newBuilder().setOverview("本年度未收到政府信息公开申请。").build())
                .setCompleteness(Completeness.newBuilder().setCellsRead(10).setCellsExpected(12).build())
                .build();
        return ValidatedReport.newBuilder()
                .setReport(report)
                .setStatus(findings.length == 0 ? "consistent" : "errors")
                .setFindings(List.of(findings))
                .setRulesVersion("rules-1")
                .setValidatedAt(RECEIVED.plusSeconds(60))
                .build();
    }

    public static Finding finding(String ruleId, Severity severity, Outcome outcome) {
        return Finding.newBuilder()
                .setRuleId(ruleId)
                .setSeverity(severity)
                .setOutcome(outcome)
                .setMessageZh("申请数量不平衡")
                .setMessageEn("applications do not balance")
                .setCells(List.of("applications.newApplications[6]"))
                .setExpected("1")
                .setFound("2")
                .build();
    }

    public static Alert alert(String alertId, String reportId, String provinceCode, Integer year, Instant raisedAt) {
        return Alert.newBuilder()
                .setAlertId(alertId)
                .setReportId(reportId)
                .setAgency("盐池县花马池镇")
                .setYear(year)
                .setProvinceCode(provinceCode)
                .setFinding(finding("S3-BALANCE", Severity.ERROR, Outcome.FAILED))
                .setRaisedAt(raisedAt)
                .build();
    }

    public static ConsumerRecord<String, byte[]> consumed(String topic, byte[] value) {
        return new ConsumerRecord<>(topic, 3, 42L, "64|key", value);
    }

    public static ConsumerRecord<String, byte[]> consumed(String topic, ValidatedReport report) {
        return consumed(topic, AvroCodec.of(ValidatedReport.class).encode(report));
    }

    public static ConsumerRecord<String, byte[]> consumed(String topic, Alert alert) {
        return consumed(topic, AvroCodec.of(Alert.class).encode(alert));
    }

    /** Places the report in a county of Ningxia with section 三 rows whose total cell is the given figure. */
    public static ValidatedReport withFigures(ValidatedReport validated, String countyCode, int newApplications,
            Integer granted) {
        var report = validated.getReport();
        report.getDivision().setCityCode(countyCode.substring(0, 4));
        report.getDivision().setCityName(countyCode.startsWith("6403") ? "吴忠市" : "中卫市");
        report.getDivision().setCountyCode(countyCode);
        report.setApplications(Applications.newBuilder()
                .setNewApplications(row(newApplications))
                .setGranted(granted == null ? null : row(granted))
                .setDenied(Denied.newBuilder().build())
                .setUnavailable(Unavailable.newBuilder().build())
                .setNotProcessed(NotProcessed.newBuilder().build())
                .setOtherHandling(OtherHandling.newBuilder().build())
                .build());
        return validated;
    }

    public static List<Integer> row(int total) {
        return Arrays.asList(total, 0, 0, 0, 0, 0, total);
    }
}
