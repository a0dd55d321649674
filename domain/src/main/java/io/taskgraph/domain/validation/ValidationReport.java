package io.taskgraph.domain.validation;

import java.util.List;

/** The result of validating a task's outputs or an input: no failures means it passed. */
public record ValidationReport(List<String> failures) {
    public static final ValidationReport PASSED = new ValidationReport(List.of());

    public ValidationReport {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    /** The feedback message an agent receives: starts with {@code Validation failed:}. */
    public String feedback() {
        return "Validation failed:\n- " + String.join("\n- ", failures);
    }
}
