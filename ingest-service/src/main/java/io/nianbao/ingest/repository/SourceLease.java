package io.nianbao.ingest.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who may crawl a source until when: one record of the compacted topic crawl.leases, keyed by source id.
 * A release is a lease that expires when it is written.
 *
 * @param owner     the instance id ({@code nianbao.crawl.instance-id}, a fresh one per start by default)
 * @param claimedAt when the owner wrote this record, by its clock
 * @param expiresAt when another instance may take the source over unless the owner renews first
 */
public record SourceLease(String owner, Instant claimedAt, Instant expiresAt) {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public boolean heldAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /**
     * The log's rule, applied by every reader to the records of a source in offset order: a claim counts when the
     * source is free, when it renews the owner's own lease, or when it was written after the lease ran out. A
     * competing claim written while the lease ran is ignored, so of two simultaneous claims the first one the
     * broker appended wins, in every instance's view.
     */
    static SourceLease fold(SourceLease current, SourceLease incoming) {
        if (current == null || current.owner.equals(incoming.owner) || !incoming.claimedAt.isBefore(current.expiresAt)) {
            return incoming;
        }
        return current;
    }

    static byte[] fold(byte[] current, byte[] incoming) {
        return fold(current == null ? null : decode(current), decode(incoming)).encode();
    }

    byte[] encode() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SourceLease decode(byte[] bytes) {
        try {
            return JSON.readValue(bytes, SourceLease.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable lease in crawl.leases", e);
        }
    }
}
