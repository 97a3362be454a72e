package io.nianbao.schema.kafka;

import java.nio.charset.StandardCharsets;
import java.util.stream.StreamSupport;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.nianbao.schema.RecordHeaders;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * One trace per document, from upload or crawl to stored: each service's work on a document is a span named after
 * its stage, carrying the document's id and agency, and the trace context travels in the records' headers (W3C
 * {@code traceparent}). The SmallRye Kafka connector writes and reads those headers itself; a stage that writes
 * records without it (validate-service's Kafka Streams topology) or reads them as a batch of raw records
 * (store-service) uses {@link #extract} and {@link #inject}.
 */
public final class RecordTracing {
    public static final AttributeKey<String> DOCUMENT_ID = AttributeKey.stringKey("nianbao.document.id");
    public static final AttributeKey<String> AGENCY = AttributeKey.stringKey("nianbao.agency");

    private static final TextMapGetter<Headers> HEADERS_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            return RecordHeaders.value(headers, key);
        }
    };
    private static final TextMapSetter<Headers> HEADERS_SETTER = (headers, key, value) -> {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    };

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    public RecordTracing(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("io.nianbao");
    }

    /**
     * @param parent     the upstream stage's context; {@link Context#root()} starts a new trace
     * @param documentId the report id (SHA-256 of the document), null when not known yet
     * @param agency     the agency as this stage knows it, null when not known
     */
    public Span start(String stage, Context parent, String documentId, String agency) {
        Span span = tracer.spanBuilder(stage).setParent(parent).startSpan();
        describe(span, documentId, agency);
        return span;
    }

    /** Names the document on a span, once the stage has learned who it is; null values are left out. */
    public static void describe(Span span, String documentId, String agency) {
        if (documentId != null) {
            span.setAttribute(DOCUMENT_ID, documentId);
        }
        if (agency != null) {
            span.setAttribute(AGENCY, agency);
        }
    }

    /** Ends a stage's span as failed. */
    public static void fail(Span span, Throwable failure) {
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR, failure.getMessage());
    }

    /** The trace context the record's producer put in its headers; {@link Context#root()} when there is none. */
    public Context extract(Headers headers) {
        return openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), headers, HEADERS_GETTER);
    }

    /** Puts the context into the headers of a record about to be written, replacing any it carried. */
    public void inject(Context context, Headers headers) {
        openTelemetry.getPropagators().getTextMapPropagator().inject(context, headers, HEADERS_SETTER);
    }
}
