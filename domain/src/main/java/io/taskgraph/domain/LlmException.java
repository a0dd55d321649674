package io.taskgraph.domain;

/**
 * The language model could not be reached or refused the request. {@link #isConfiguration()} marks
 * problems the user must fix before anything can run (no API key, unknown model, bad credentials).
 */
public class LlmException extends TaskgraphException {
    private final boolean configuration;

    public LlmException(String message, boolean configuration) {
        super(message);
        this.configuration = configuration;
    }

    public LlmException(String message, boolean configuration, Throwable cause) {
        super(message, cause);
        this.configuration = configuration;
    }

    public boolean isConfiguration() {
        return configuration;
    }

    /** Configuration problems are the user's to fix ({@link ErrorCategory#SETUP}); the rest are the server's. */
    @Override
    public ErrorCategory category() {
        return configuration ? ErrorCategory.SETUP : ErrorCategory.UPSTREAM;
    }
}
