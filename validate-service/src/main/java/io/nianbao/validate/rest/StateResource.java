package io.nianbao.validate.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.nianbao.schema.Topics;
import io.nianbao.validate.repository.PartitionHistory;

/**
 * What this instance holds: the partitions of reports.parsed it owns, and for each the agencies whose history is in
 * its store. How an operator (and the scale-out test) sees the history divided between the instances.
 */
@Path("/api/state")
@Produces(MediaType.APPLICATION_JSON)
public class StateResource {

    /** The streams state (RUNNING, REBALANCING, …) and the partitions owned, with their approximate entry counts. */
    public record InstanceState(String state, List<PartitionState> partitions) {
    }

    public record PartitionState(int partition, long agencyYears) {
    }

    /** The agencies held for one partition owned here, with the years of each ({@code <agency key>|<year>}). */
    public record PartitionAgencies(int partition, List<String> agencyYears) {
    }

    @Inject
    KafkaStreams streams;

    @GET
    public InstanceState state() {
        List<PartitionState> partitions = new ArrayList<>();
        for (int partition : ownedPartitions()) {
            partitions.add(new PartitionState(partition, store(partition).approximateNumEntries()));
        }
        return new InstanceState(streams.state().name(), partitions);
    }

    @GET
    @Path("/partitions/{partition}")
    public PartitionAgencies agencies(@PathParam("partition") int partition) {
        if (!ownedPartitions().contains(partition)) {
            throw new NotFoundException("partition " + partition + " of " + Topics.PARSED + " is not owned here");
        }
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store(partition).all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return new PartitionAgencies(partition, keys);
    }

    private TreeSet<Integer> ownedPartitions() {
        TreeSet<Integer> owned = new TreeSet<>();
        streams.metadataForLocalThreads().forEach(thread -> thread.activeTasks().forEach(task ->
                task.topicPartitions().stream().filter(tp -> tp.topic().equals(Topics.PARSED))
                        .map(TopicPartition::partition).forEach(owned::add)));
        return owned;
    }

    private ReadOnlyKeyValueStore<String, byte[]> store(int partition) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(PartitionHistory.AGENCY_YEARS,
                    QueryableStoreTypes.<String, byte[]>keyValueStore()).withPartition(partition));
        } catch (InvalidStateStoreException e) {
            // Owned but still restoring, or moving away in a rebalance: ask again.
            throw new jakarta.ws.rs.ServiceUnavailableException("partition " + partition + " is not queryable now: "
                    + e.getMessage());
        }
    }
}
