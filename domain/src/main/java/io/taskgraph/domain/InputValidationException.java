package io.taskgraph.domain;

import java.util.List;

/** Ingested inputs failed their required columns or validate_sql checks; no agent was started. */
public final class InputValidationException extends InvalidSpecException {
    private final List<String> failures;

    public InputValidationException(List<String> failures) {
        super("Input validation failed; no task was started:\n  - " + String.join("\n  - ", failures));
        this.failures = List.copyOf(failures);
    }

    public List<String> failures() {
        return failures;
    }
}
