package io.taskgraph.domain;

/**
 * The language model could not be reached or refused the request. {@link #kind()} says how far the failure
 * reaches: one call, the setup before anything runs, or every call of the run.
 */
public class LlmException extends TaskgraphException {
    /** How far a model failure reaches, which decides what the run does about it. */
    public enum Kind {
        /** This call failed (the server stayed unreachable after the retries, or refused this one request). */
        CALL_FAILED,
        /** A setting the user must fix before anything can run: no API key, a bad base URL, a missing cassette. */
        CONFIGURATION,
        /**
         * The server refuses this account every call, whatever is asked: the key is wrong or revoked (401), there is
         * no credit left (402), the key may not use the model (403), or the model or endpoint does not exist (404).
         * No other call of the run can succeed, so the run stops at once.
         */
        ACCESS_DENIED
    }

    private final Kind kind;
    private final String detail;

    public LlmException(String message, Kind kind, String detail) {
        super(message);
        this.kind = kind;
        this.detail = detail;
    }

    public LlmException(String message, boolean configuration) {
        this(message, configuration ? Kind.CONFIGURATION : Kind.CALL_FAILED, message);
    }

    public LlmException(String message, boolean configuration, Throwable cause) {
        super(message, cause);
        this.kind = configuration ? Kind.CONFIGURATION : Kind.CALL_FAILED;
        this.detail = message;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the user must change their setup (key, credit, model, URL) before a run can succeed. */
    public boolean isConfiguration() {
        return kind != Kind.CALL_FAILED;
    }

    /** Whether no later call of the run can succeed either, so the whole run should stop. */
    public boolean stopsRun() {
        return kind == Kind.ACCESS_DENIED;
    }

    /** What the server answered, in a few words (e.g. {@code HTTP 401: User not found}); the message says more. */
    public String detail() {
        return detail;
    }

    /** Setups the user must fix (key, credit, model access: {@link ErrorCategory#SETUP}); the rest are the server's. */
    @Override
    public ErrorCategory category() {
        return isConfiguration() ? ErrorCategory.SETUP : ErrorCategory.UPSTREAM;
    }
}
