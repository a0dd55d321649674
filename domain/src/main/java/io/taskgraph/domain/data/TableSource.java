package io.taskgraph.domain.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where an input's rows are, in bulk form: a file the engine reads natively, in source row order.
 * {@code columns} are the declared column types in order; empty means "let the reader infer them".
 * {@code sheet} selects the worksheet of an XLSX file. {@code origin} is what the user wrote (a path
 * or "callable load_sales"), used in error messages.
 */
public record TableSource(Path file, SourceFormat format, List<Column> columns, Optional<String> sheet, String origin) {
    public TableSource {
        columns = List.copyOf(columns);
    }

    public static TableSource of(Path file, SourceFormat format, List<Column> columns) {
        return new TableSource(file, format, columns, Optional.empty(), file.toString());
    }
}
