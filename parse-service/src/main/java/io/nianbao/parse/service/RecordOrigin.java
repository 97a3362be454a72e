package io.nianbao.parse.service;

/** Where a consumed record came from, for its dead letter. Partition and offset are -1 when unknown. */
public record RecordOrigin(String topic, int partition, long offset, String key) {
}
