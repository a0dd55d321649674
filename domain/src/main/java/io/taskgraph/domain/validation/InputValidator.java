package io.taskgraph.domain.validation;

import io.taskgraph.domain.data.ColumnNames;
import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.sql.RelationInfo;
import java.util.List;
import java.util.Optional;

/**
 * Checks an ingested input: required columns (ignoring {@code _row_id}, which ingestion adds), then each
 * validate_sql query. Stops at the first failing stage; every message names the input.
 */
public final class InputValidator {
    private InputValidator() {
    }

    public static ValidationReport validate(InputSpec input, SqlReader reader) {
        Optional<RelationInfo> table = reader.describe(input.name());
        if (table.isEmpty()) {
            return new ValidationReport(List.of("Input '" + input.name() + "' was not ingested: there is no table "
                    + "named " + input.name() + "."));
        }
        List<String> actual = table.get().columnNames().stream().filter(c -> !c.equalsIgnoreCase(ColumnNames.ROW_ID)).toList();
        List<String> required = input.columns().stream().filter(c -> !c.equalsIgnoreCase(ColumnNames.ROW_ID)).toList();
        List<String> missing = RequiredColumns.missing(required, actual);
        if (!missing.isEmpty()) {
            return new ValidationReport(List.of("Input '" + input.name() + "' is missing required column"
                    + (missing.size() == 1 ? "" : "s") + " " + missing + "; its columns are " + actual + "."));
        }
        return new ValidationReport(ValidationQueries.failures(input.validateSql(), reader,
                "Input '" + input.name() + "': "));
    }
}
