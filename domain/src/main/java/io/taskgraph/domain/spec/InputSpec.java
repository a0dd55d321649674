package io.taskgraph.domain.spec;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.data.ColumnNames;
import java.util.List;

/**
 * One declared input table: its name, the columns it must have and the SQL checks that must return no
 * rows after ingestion. Where the data comes from is the spec loader's business.
 */
public record InputSpec(String name, List<String> columns, List<String> validateSql) {
    public InputSpec {
        Identifiers.problem(name).ifPresent(problem -> {
            throw new InvalidSpecException("Input name '" + name + "' " + problem + ".");
        });
        columns = List.copyOf(columns);
        ColumnNames.requireDistinctDeclared(name, columns);
        validateSql = List.copyOf(validateSql);
    }

    public static InputSpec of(String name) {
        return new InputSpec(name, List.of(), List.of());
    }
}
