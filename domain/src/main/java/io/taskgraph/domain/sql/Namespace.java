package io.taskgraph.domain.sql;

import java.util.List;
import java.util.Locale;

/**
 * The names one task may create or drop: its declared outputs and anything prefixed {@code {task}_}.
 * DuckDB identifiers are case-insensitive, so the comparison is too.
 */
public record Namespace(String task, List<String> outputs) {
    public Namespace {
        outputs = List.copyOf(outputs);
    }

    public boolean allows(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith(task.toLowerCase(Locale.ROOT) + "_")) {
            return true;
        }
        return outputs.stream().anyMatch(o -> o.equalsIgnoreCase(name));
    }

    /** How the allowed names read in a message to the agent. */
    public String describe() {
        return (outputs.isEmpty() ? "" : String.join(", ", outputs) + " or ") + "names starting with " + task + "_";
    }
}
