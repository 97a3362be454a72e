package io.nianbao.validate.repository;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

/**
 * RocksDB's options for every store of the service (the partition's history, the global fingerprint index): its
 * blocks compressed with LZ4. Kafka Streams opens RocksDB uncompressed; the history's values are Avro of whole
 * reports and of findings with their two messages, text that compresses well, and one instance may hold a country's
 * partitions (docs/BENCHMARKS.md "Judged again by the rules that read what changed").
 */
public class CompressedStores implements RocksDBConfigSetter {

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        options.setCompressionType(CompressionType.LZ4_COMPRESSION);
    }

    @Override
    public void close(String storeName, Options options) {
        // Nothing was created here to close.
    }
}
