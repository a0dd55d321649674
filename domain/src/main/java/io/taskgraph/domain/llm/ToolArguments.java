package io.taskgraph.domain.llm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of a tool call, as the model client read them off the wire: an object of named values, or text
 * that is not one. A broken call is a value rather than an error, so the agent loop can answer it with an error
 * result the model reads and fixes, and the conversation can carry the call back to the model as it was sent.
 */
public sealed interface ToolArguments {
    /** No arguments at all (the model sent none, or an empty text). */
    Values NONE = new Values(Map.of());

    static Values of(Map<String, ?> values) {
        return new Values(new LinkedHashMap<String, Object>(values));
    }

    static Malformed malformed(String text, String problem) {
        return new Malformed(text, problem);
    }

    /**
     * Arguments that form an object: names to plain values ({@code null}, Boolean, Number, String, List of
     * these, Map of these), in the order they were sent.
     */
    record Values(Map<String, Object> values) implements ToolArguments {
        public Values {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** The argument {@code name} when it is a string. */
        public Optional<String> text(String name) {
            return values.get(name) instanceof String text ? Optional.of(text) : Optional.empty();
        }
    }

    /**
     * Arguments that do not form an object: the {@code text} exactly as the model sent it, and the
     * {@code problem} the client found reading it (worded for the model, which is shown it). Two are equal when
     * their texts are: the problem is only a reader's account of the text, and a replayed conversation must match
     * the recorded one whichever reader wrote the recording.
     */
    record Malformed(String text, String problem) implements ToolArguments {
        @Override
        public boolean equals(Object other) {
            return other instanceof Malformed malformed && text.equals(malformed.text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }
    }
}
