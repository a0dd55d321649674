package io.taskgraph.domain.spec;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.data.ColumnNames;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One declared input table: its name, the columns it must have and the SQL checks that must return no
 * rows after ingestion. How the data is produced is the spec loader's business; when the spec names a file
 * for it, {@code file} says which, so it can be shown and checked before anything runs.
 */
public record InputSpec(String name, List<String> columns, List<String> validateSql, Optional<DeclaredFile> file) {
    public InputSpec {
        Identifiers.problem(name).ifPresent(problem -> {
            throw new InvalidSpecException("Input name '" + name + "' " + problem + ".");
        });
        columns = List.copyOf(columns);
        ColumnNames.requireDistinctDeclared(name, columns);
        validateSql = List.copyOf(validateSql);
        Objects.requireNonNull(file, "file");
    }

    /** An input whose data does not come from a file the spec names. */
    public InputSpec(String name, List<String> columns, List<String> validateSql) {
        this(name, columns, validateSql, Optional.empty());
    }

    public static InputSpec of(String name) {
        return new InputSpec(name, List.of(), List.of());
    }
}
