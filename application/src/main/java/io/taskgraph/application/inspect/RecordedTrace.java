package io.taskgraph.application.inspect;

import io.taskgraph.domain.port.SqlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The rows of {@code _trace}, in the order the statements ran. */
public final class RecordedTrace {
    static final String TABLE = "_trace";

    private RecordedTrace() {
    }

    /** Every statement, in order; empty for a workspace without a trace table. */
    public static List<TraceEntry> read(SqlReader reader) {
        if (reader.describe(TABLE).isEmpty()) {
            return List.of();
        }
        List<TraceEntry> entries = new ArrayList<>();
        for (List<Object> row : reader.query("SELECT id, strftime(timestamp, '%Y-%m-%d %H:%M:%S.%g'), task, query, "
                + "success, error, row_count, elapsed_ms FROM " + TABLE + " ORDER BY id").rows()) {
            entries.add(new TraceEntry(((Number) row.get(0)).longValue(), text(row.get(1)), text(row.get(2)), text(row.get(3)),
                    Boolean.TRUE.equals(row.get(4)),
                    Optional.ofNullable(row.get(5)).map(String::valueOf).filter(e -> !e.isBlank()),
                    row.get(6) instanceof Number n ? OptionalLong.of(n.longValue()) : OptionalLong.empty(),
                    row.get(7) instanceof Number n ? n.doubleValue() : 0));
        }
        return entries;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
