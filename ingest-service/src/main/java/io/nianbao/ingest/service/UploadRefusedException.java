package io.nianbao.ingest.service;

/** An upload that was not accepted; the message is a sentence meant for the person who uploaded. */
public class UploadRefusedException extends RuntimeException {
    private final Refusal refusal;

    public UploadRefusedException(Refusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public UploadRefusedException(Refusal refusal, String message, Throwable cause) {
        super(message, cause);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
