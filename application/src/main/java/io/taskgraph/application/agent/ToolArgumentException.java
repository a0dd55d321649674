package io.taskgraph.application.agent;

/** A tool call whose arguments do not fit the tool; the message goes back to the model as an error result. */
public final class ToolArgumentException extends RuntimeException {
    public ToolArgumentException(String message) {
        super(message);
    }
}
