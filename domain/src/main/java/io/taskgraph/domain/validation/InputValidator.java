package io.taskgraph.domain.validation;

import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.spec.InputSpec;

/** Checks an ingested input: required columns (ignoring {@code _row_id}), then each validate_sql query. */
public final class InputValidator {
    private InputValidator() {
    }

    public static ValidationReport validate(InputSpec input, SqlReader reader) {
        throw new UnsupportedOperationException("implemented by the domain rules work");
    }
}
