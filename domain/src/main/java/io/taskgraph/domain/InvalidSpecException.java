package io.taskgraph.domain;

/** The user's spec (or the graph it declares, or its input data) is wrong; nothing was run. */
public class InvalidSpecException extends TaskgraphException {
    public InvalidSpecException(String message) {
        super(message);
    }

    public InvalidSpecException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.BAD_INPUT;
    }
}
