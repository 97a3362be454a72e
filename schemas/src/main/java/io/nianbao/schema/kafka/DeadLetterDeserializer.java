package io.nianbao.schema.kafka;

import io.nianbao.schema.DeadLetter;

public class DeadLetterDeserializer extends AvroDeserializer<DeadLetter> {
    public DeadLetterDeserializer() {
        super(DeadLetter.class);
    }
}
