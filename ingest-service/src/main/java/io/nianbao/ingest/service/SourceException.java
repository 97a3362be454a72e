package io.nianbao.ingest.service;

/** A request about sources that cannot be carried out; the message says why to the administrator. */
public class SourceException extends RuntimeException {
    /** With the HTTP status and stable code the client sees. */
    public enum Problem {
        INVALID(400, "invalid_source"),
        NOT_FOUND(404, "source_not_found"),
        EXISTS(409, "source_exists"),
        BUSY(409, "crawl_in_progress"),
        NOT_OURS(409, "source_of_other_instance");

        private final int status;
        private final String code;

        Problem(int status, String code) {
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private final Problem problem;

    public SourceException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
