package io.taskgraph.domain.validation;

import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.spec.TaskSpec;

/**
 * The three validation stages, in order, stopping at the first that fails: every declared output exists
 * as a view; each has its required columns; each validate_sql query returns no rows.
 */
public final class OutputValidator {
    private OutputValidator() {
    }

    public static ValidationReport validate(TaskSpec task, SqlReader reader) {
        throw new UnsupportedOperationException("implemented by the domain rules work");
    }

    /** Only the cheap stages (existence, columns) for one output: early feedback after CREATE VIEW. */
    public static ValidationReport checkShape(TaskSpec task, String output, SqlReader reader) {
        throw new UnsupportedOperationException("implemented by the domain rules work");
    }
}
