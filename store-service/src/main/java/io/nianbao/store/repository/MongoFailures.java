package io.nianbao.store.repository;

import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/** Tells a MongoDB that cannot be reached (down, restarting, failing over) from a write MongoDB refused. */
public final class MongoFailures {
    /** The label servers put on write errors worth retrying (no public constant in the driver). */
    private static final String RETRYABLE_WRITE_ERROR = "RetryableWriteError";

    private MongoFailures() {
    }

    /** True when trying the same write again later can succeed: nothing is wrong with what was written. */
    public static boolean isUnreachable(MongoException e) {
        return e instanceof MongoSocketException || e instanceof MongoTimeoutException
                || e instanceof MongoNotPrimaryException || e instanceof MongoNodeIsRecoveringException
                || e.hasErrorLabel(RETRYABLE_WRITE_ERROR);
    }
}
