package io.taskgraph.domain;

/** The command was asked for something it cannot do as asked (bad flag combination, missing file, ...). */
public class UsageException extends TaskgraphException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.BAD_INPUT;
    }
}
