package io.nianbao.store.repository;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.nianbao.schema.DeadLetter;

/** reports.dlq as the tests fill it: the dead letters it holds by partition and offset (none is gone otherwise). */
public class HeldDeadLetters extends DeadLetterLog {
    private final Map<String, DeadLetter> held = new ConcurrentHashMap<>();

    public HeldDeadLetters() {
        super("no-broker:9092");
    }

    public void hold(int partition, long offset, DeadLetter letter) {
        held.put(partition + "@" + offset, letter);
    }

    @Override
    public Optional<DeadLetter> read(int partition, long offset) {
        return Optional.ofNullable(held.get(partition + "@" + offset));
    }
}
