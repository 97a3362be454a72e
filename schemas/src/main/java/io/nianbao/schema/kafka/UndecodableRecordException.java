package io.nianbao.schema.kafka;

/** A Kafka value that is not a record of the expected type, or written with an unknown schema. */
public class UndecodableRecordException extends RuntimeException {
    public UndecodableRecordException(String message) {
        super(message);
    }

    public UndecodableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
