package io.taskgraph.domain.json;

/** Text that is not valid JSON; the message gives the offset of the first problem. */
public final class JsonException extends RuntimeException {
    public JsonException(String message) {
        super(message);
    }
}
