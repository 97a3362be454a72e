package io.nianbao.validate.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nianbao.rules.ReportFixture;
import io.nianbao.rules.RuleEngine;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.kafka.AvroCodec;
import io.nianbao.schema.kafka.RecordTracing;
import io.nianbao.validate.stream.TopologyHarness.Received;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/** The document's trace goes through the Kafka Streams topology, which has no tracing of its own. */
class ValidationTracingTests {
    private static final AvroCodec<ParsedReport> CODEC = AvroCodec.of(ParsedReport.class);

    @TempDir
    Path stateDir;

    @Test
    void theValidationIsASpanOfTheDocumentsTraceAndItsOutputsCarryIt() {
        InMemorySpanExporter exported = InMemorySpanExporter.create();
        OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        RecordTracing tracing = new RecordTracing(openTelemetry);
        // 99 new applications break two identities: a verdict and two alerts
        ParsedReport report = ReportFixture.consistent2021().reportId("c".repeat(64)).cell("newApplications", 0, 99).build();
        Span parse = tracing.start("parse", Context.root(), report.getReportId(), report.getAgency());
        RecordHeaders headers = new RecordHeaders();
        tracing.inject(Context.root().with(parse), headers);

        try (TopologyHarness harness = new TopologyHarness(new RuleEngine(), stateDir, openTelemetry)) {
            harness.sendWithHeaders("64|盐池县花马池镇人民政府", CODEC.encode(report), headers);

            SpanData validate = exported.getFinishedSpanItems().stream().filter(span -> span.getName().equals("validate"))
                    .findFirst().orElseThrow();
            assertThat(validate.getTraceId()).isEqualTo(parse.getSpanContext().getTraceId());
            assertThat(validate.getParentSpanId()).isEqualTo(parse.getSpanContext().getSpanId());
            assertThat(validate.getAttributes().get(RecordTracing.DOCUMENT_ID)).isEqualTo(report.getReportId());
            assertThat(validate.getAttributes().get(RecordTracing.AGENCY)).isEqualTo(report.getAgency());
            List<Received<?>> outputs = new ArrayList<>(harness.validated.received());
            outputs.addAll(harness.alerts.received());
            assertThat(outputs).hasSize(3).allSatisfy(output -> assertThat(tracing.extract(output.headers()))
                    .extracting(context -> Span.fromContext(context).getSpanContext().getSpanId())
                    .isEqualTo(validate.getSpanId()));
        }
    }
}
