package io.nianbao.ingest.producer;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.nianbao.schema.RawReport;

/**
 * Stands in for the broker behind the raw-reports emitter: answers each message as told (acknowledged, refused or
 * left unanswered) and keeps every message handed over.
 */
public final class BrokerStandIn implements Emitter<RawReport> {
    /** Every message handed over, in order, whatever the answer. */
    public final List<Message<? extends RawReport>> sent = new CopyOnWriteArrayList<>();
    private final Consumer<Message<? extends RawReport>> answer;

    /** Runs as a message is handed over, before it is kept and answered. */
    public Runnable beforeEachSend = () -> { };

    public BrokerStandIn(Consumer<Message<? extends RawReport>> answer) {
        this.answer = answer;
    }

    public static BrokerStandIn acknowledging() {
        return new BrokerStandIn(Message::ack);
    }

    public static BrokerStandIn refusing() {
        return new BrokerStandIn(message -> message.nack(new IllegalStateException("broker unavailable")));
    }

    /** The reports of the messages handed over. */
    public List<RawReport> reports() {
        return sent.stream().<RawReport>map(Message::getPayload).toList();
    }

    @Override
    public <M extends Message<? extends RawReport>> void send(M message) {
        beforeEachSend.run();
        sent.add(message);
        answer.accept(message);
    }

    @Override
    public CompletionStage<Void> send(RawReport payload) {
        throw new UnsupportedOperationException("the producer must send a Message, to carry key and headers");
    }

    @Override
    public void complete() {
    }

    @Override
    public void error(Exception e) {
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean hasRequests() {
        return true;
    }
}
