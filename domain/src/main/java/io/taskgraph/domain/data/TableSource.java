package io.taskgraph.domain.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where an input's rows are, in bulk form: a file the engine reads natively, in source row order.
 * {@code columns} are the declared column types in order; empty means "let the reader infer them".
 * {@code sheet} selects the worksheet of an XLSX file. {@code origin} is what the user wrote (a path
 * or "callable load_sales"), used in error messages. A source written in parts (by a loader that hands its rows
 * over while it still writes them) has {@code file} for its first part and the others in {@code remaining}; such a
 * source always declares its columns, the same for every part.
 */
public record TableSource(Path file, SourceFormat format, List<Column> columns, Optional<String> sheet, String origin,
                          RemainingParts remaining) {
    public TableSource {
        columns = List.copyOf(columns);
        java.util.Objects.requireNonNull(remaining, "remaining");
        if (remaining != RemainingParts.NONE && columns.isEmpty()) {
            throw new IllegalArgumentException("a source in parts declares its columns: " + origin);
        }
    }

    /** A source in one file. */
    public TableSource(Path file, SourceFormat format, List<Column> columns, Optional<String> sheet, String origin) {
        this(file, format, columns, sheet, origin, RemainingParts.NONE);
    }

    public static TableSource of(Path file, SourceFormat format, List<Column> columns) {
        return new TableSource(file, format, columns, Optional.empty(), file.toString());
    }
}
