package io.taskgraph.adapters.python;

import io.taskgraph.domain.InvalidSpecException;
import java.util.Map;

/** Reads the bridge's replies: the expected kind, a spec error for the user, or a bridge bug. */
final class Replies {
    private Replies() {
    }

    static Map<String, Object> expect(Map<String, Object> reply, String type, String doing) {
        Object actual = reply.get("type");
        if (type.equals(actual)) {
            return reply;
        }
        if ("error".equals(actual)) {
            String message = String.valueOf(reply.get("message"));
            if ("spec".equals(reply.get("kind"))) {
                throw new InvalidSpecException(message);
            }
            Object trace = reply.get("traceback");
            throw new IllegalStateException("Taskgraph's Python bridge failed while " + doing + ": " + message
                    + (trace == null ? "" : "\n" + trace));
        }
        throw new IllegalStateException("Taskgraph's Python bridge answered " + actual + " while " + doing
                + " (expected " + type + ").");
    }
}
