package io.nianbao.validate.stream;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.StreamPartitioner;

import io.micrometer.core.instrument.MeterRegistry;
import io.nianbao.rules.RuleEngine;
import io.nianbao.schema.Topics;
import io.nianbao.schema.kafka.AvroSerializer;
import io.nianbao.schema.kafka.PlacePartitioner;
import io.nianbao.schema.kafka.RecordTracing;
import io.nianbao.validate.repository.FingerprintIndex;
import io.nianbao.validate.repository.PartitionHistory;
import io.nianbao.validate.service.ValidationService;
import io.opentelemetry.api.OpenTelemetry;

/**
 * The service's Kafka Streams topology: reports.parsed → validate (with the partition's history stores) →
 * reports.validated, reports.alerts, reports.dlq; and reports.copies-found, which it reads too: a copy found of a
 * report kept in another partition goes there, on the same partitioner as reports.parsed. Every output goes to the
 * partition of its place, as every other producer of the report topics puts it (PlacePartitioner). The kept
 * reports' fingerprints go to reports.fingerprints, which every instance reads whole into the global store of
 * {@link FingerprintIndex}.
 */
@ApplicationScoped
public class ValidationTopology {
    /** The source: reports.parsed as raw bytes, so that a record that does not decode is dead-lettered as it came. */
    public static final String PARSED_REPORTS = "parsed-reports";
    public static final String VALIDATE = "validate";
    /** Sink of reports.validated. */
    public static final String VALIDATED_REPORTS = "validated-reports";
    /** Sink of reports.alerts. */
    public static final String ALERTS = "alerts";
    /** Sink of reports.dlq. */
    public static final String DEAD_LETTERS = "dead-letters";
    /** Sink of reports.copies-found: what this topology's own source of it reads, in the copy's keeper's partition. */
    public static final String COPIES_FOUND = "copies-found";
    /** The source of reports.copies-found, raw bytes as the parsed reports'. */
    public static final String COPIES_FOUND_ELSEWHERE = "copies-found-elsewhere";

    private static final StreamPartitioner<String, Object> BY_PLACE = (topic, key, value, partitions) -> Optional.of(
            Set.of(PlacePartitioner.partition(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value,
                    partitions)));

    /**
     * A copy found goes to the partition of the report it names; where that report's place is not known (indexed
     * before FingerprintEntry v3, or resolved to no place, so partitioned by its key) to every partition: only the
     * one that keeps it judges it again, the others find no such report.
     */
    static final StreamPartitioner<String, Object> TO_ITS_KEEPER = (topic, key, value, partitions) ->
            PlacePartitioner.placeOf(value) != null ? BY_PLACE.partitions(topic, key, value, partitions)
                    : Optional.of(IntStream.range(0, partitions).boxed().collect(Collectors.toSet()));

    @Produces
    Topology topology(RuleEngine engine, MeterRegistry registry, OpenTelemetry openTelemetry) {
        return build(new ValidationService(engine), registry, openTelemetry);
    }

    public static Topology build(ValidationService service, MeterRegistry registry, OpenTelemetry openTelemetry) {
        RecordTracing tracing = new RecordTracing(openTelemetry);
        Topology topology = new Topology();
        topology.addSource(PARSED_REPORTS, new StringDeserializer(), new ByteArrayDeserializer(), Topics.PARSED);
        topology.addSource(COPIES_FOUND_ELSEWHERE, new StringDeserializer(), new ByteArrayDeserializer(),
                Topics.COPIES_FOUND);
        topology.addProcessor(VALIDATE, () -> new ValidationProcessor(service, registry, tracing), PARSED_REPORTS,
                COPIES_FOUND_ELSEWHERE);
        PartitionHistory.storeBuilders().forEach(store -> topology.addStateStore(store, VALIDATE));
        topology.addSink(VALIDATED_REPORTS, Topics.VALIDATED, new StringSerializer(), new AvroSerializer(), BY_PLACE,
                VALIDATE);
        topology.addSink(ALERTS, Topics.ALERTS, new StringSerializer(), new AvroSerializer(), BY_PLACE, VALIDATE);
        topology.addSink(DEAD_LETTERS, Topics.DLQ, new StringSerializer(), new AvroSerializer(), BY_PLACE, VALIDATE);
        topology.addSink(COPIES_FOUND, Topics.COPIES_FOUND, new StringSerializer(), new AvroSerializer(), TO_ITS_KEEPER,
                VALIDATE);
        FingerprintIndex.addTo(topology, Topics.FINGERPRINTS, VALIDATE);
        return topology;
    }
}
