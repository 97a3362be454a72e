package io.nianbao.schema.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

import io.nianbao.schema.CopyFound;
import io.nianbao.schema.Division;
import io.nianbao.schema.ParsedReport;
import io.nianbao.schema.ReportHistoryEntry;
import io.nianbao.schema.ValidatedReport;

/**
 * Puts a report's records on the partition of its place, so that what validate-service compares meets in one
 * partition, hence on one instance, in one state store: an agency's years, a county's government and its
 * departments and towns, the copies within a county. Every producer of a report topic uses it
 * ({@code partitioner.class}); validate-service's streams sinks use {@link #partition(byte[], Object, int)}.
 * <p>
 * The place of a record carrying a parsed report (ParsedReport, ValidatedReport, ReportHistoryEntry) is its resolved
 * county code, else its resolved province code; a CopyFound's is the place of the kept report it names. Any other
 * record (a RawReport, whose division is not known before parsing; an Alert; a DeadLetter) and a report resolved to
 * no place go by their key, hashed as Kafka's default partitioner hashes it: the agency key, which is the report id
 * when no agency is known. So reports.raw is partitioned exactly as before (by province hint and agency hint):
 * parse-service keeps no state, so nothing has to meet there; one agency's uploads stay in order; and one
 * province's crawl still spreads over every partition.
 */
public class PlacePartitioner implements Partitioner {

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        return partition(keyBytes, value, cluster.partitionCountForTopic(topic));
    }

    /** The partition of a record with this serialized key and this (unserialized) value among {@code partitions}. */
    public static int partition(byte[] keyBytes, Object value, int partitions) {
        String place = placeOf(value);
        byte[] hashed = place != null ? place.getBytes(StandardCharsets.UTF_8) : keyBytes;
        if (hashed == null) {
            // Every producer of the pipeline keys its records; a record without key nor place belongs nowhere.
            return ThreadLocalRandom.current().nextInt(partitions);
        }
        return Utils.toPositive(Utils.murmur2(hashed)) % partitions;
    }

    /** The county code of the report a record carries (or names), else its province code; null when none. */
    public static String placeOf(Object value) {
        if (value instanceof CopyFound copyFound) {
            return copyFound.getPlace();
        }
        ParsedReport report = null;
        if (value instanceof ParsedReport parsed) {
            report = parsed;
        } else if (value instanceof ValidatedReport validated) {
            report = validated.getReport();
        } else if (value instanceof ReportHistoryEntry entry) {
            report = entry.getReport();
        }
        Division division = report == null ? null : report.getDivision();
        if (division == null) {
            return null;
        }
        return division.getCountyCode() != null ? division.getCountyCode() : division.getProvinceCode();
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void close() {
    }
}
