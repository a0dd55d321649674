package io.taskgraph.adapters.duckdb;

import io.taskgraph.adapters.duckdb.xlsx.XlsxTable;
import io.taskgraph.domain.TaskgraphException;
import io.taskgraph.domain.ErrorCategory;
import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * XLSX inputs. DuckDB's excel extension is not bundled and cannot be fetched offline, so the sheet is streamed
 * into a temporary NDJSON file with the column types read from its cells ({@link XlsxTable}) and ingested like
 * any NDJSON source: same {@code _row_id}, same errors naming the input and where its data came from.
 */
final class XlsxIngestion {
    private XlsxIngestion() {
    }

    /**
     * Creates or replaces {@code table} from the sheet {@code source.sheet()} (the first sheet when empty) of the
     * workbook {@code source.file()}; returns its row count. Declared columns, when the source has any, must be
     * columns of the sheet and override the types read from the cells.
     */
    static long ingest(Connection connection, String table, TableSource source) {
        Path ndjson = temporaryFile(table, source);
        try {
            List<Column> read;
            try {
                read = XlsxTable.toNdjson(source.file(), source.sheet(), ndjson);
            } catch (TaskgraphException | UncheckedIOException e) {
                throw new WorkspaceException(ErrorCategory.BAD_INPUT, "Could not ingest input '" + table + "' from " + source.origin() + ": "
                        + e.getMessage(), e);
            }
            List<Column> columns = withDeclaredTypes(table, source, read);
            return TableIngestion.ingest(connection, table,
                    new TableSource(ndjson, SourceFormat.NDJSON, columns, Optional.empty(), source.origin()));
        } finally {
            try {
                Files.deleteIfExists(ndjson);
            } catch (IOException e) {
                // a leftover file in the temp directory changes nothing about the ingested table
            }
        }
    }

    private static List<Column> withDeclaredTypes(String table, TableSource source, List<Column> read) {
        if (source.columns().isEmpty()) {
            return read;
        }
        Map<String, String> declared = new LinkedHashMap<>();
        source.columns().forEach(c -> declared.put(c.name(), c.sqlType()));
        List<Column> columns = new ArrayList<>();
        for (Column column : read) {
            String type = declared.remove(column.name());
            columns.add(type == null ? column : new Column(column.name(), type));
        }
        if (!declared.isEmpty()) {
            throw new WorkspaceException(ErrorCategory.BAD_INPUT, "Could not ingest input '" + table + "' from " + source.origin()
                    + ": the sheet has no column " + String.join(", ", declared.keySet()) + "; its header row names "
                    + read.stream().map(Column::name).toList() + ".");
        }
        return columns;
    }

    private static Path temporaryFile(String table, TableSource source) {
        try {
            return Files.createTempFile("taskgraph-xlsx-", ".ndjson");
        } catch (IOException e) {
            throw new WorkspaceException(ErrorCategory.BAD_INPUT, "Could not ingest input '" + table + "' from " + source.origin()
                    + ": cannot create a temporary file for the sheet (" + e.getMessage()
                    + "); check that the temp directory (java.io.tmpdir) is writable.", e);
        }
    }
}
