package io.taskgraph.adapters.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.Workspace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code _row_id} follows source order on files large enough to be read in parallel pieces (bigger than the
 * readers' 32 MB buffers, Parquet with many row groups), with more reader threads than this machine has cores.
 * Each file's {@code id} column holds its line number, so any reordering shows as {@code _row_id <> id}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowOrderTest {
    private static final int ROWS = 900_000;

    @TempDir
    static Path dir;
    private Workspace workspace;

    @BeforeAll
    void open() {
        workspace = new DuckDbEngine().create(dir.resolve("out.db"), false);
        workspace.query("SET threads = 4");
    }

    @AfterAll
    void close() {
        workspace.close();
    }

    @Test
    void ndjsonRowsAreNumberedInFileOrder() throws IOException {
        Path file = dir.resolve("big.ndjson");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 1; i <= ROWS; i++) {
                out.write("{\"id\":" + i + ",\"name\":\"name number " + (i * 7919L % 100_003) + "\",\"v\":" + (i % 997) / 7.0
                        + "}\n");
            }
        }
        assertNumberedInOrder("ndjson", file, SourceFormat.NDJSON, List.of(new Column("id", "BIGINT"),
                new Column("name", "VARCHAR"), new Column("v", "DOUBLE")));
    }

    @Test
    void csvRowsAreNumberedInFileOrder() throws IOException {
        Path file = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("id,name,v\n");
            for (int i = 1; i <= ROWS; i++) {
                out.write(i + ",name number " + (i * 7919L % 100_003) + "," + (i % 997) / 7.0 + "\n");
            }
        }
        assertNumberedInOrder("csv", file, SourceFormat.CSV, List.of());
    }

    @Test
    void parquetRowsAreNumberedInFileOrderAcrossRowGroups() {
        Path file = dir.resolve("big.parquet");
        Fixtures.plainDuckDb(null, "COPY (SELECT range + 1 AS id, 'name ' || (range * 7919 % 100003) AS name "
                + "FROM range(" + ROWS + ")) TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE 10000)");
        long rowGroups = (Long) workspace.query(
                "SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + file + "')").rows().get(0).get(0);
        assertTrue(rowGroups > 50, "row groups: " + rowGroups);
        assertNumberedInOrder("parquet", file, SourceFormat.PARQUET, List.of());
    }

    @Test
    void parquetWithKnownColumnsIsNumberedInFileOrderByTheReaderAcrossRowGroups() {
        Path file = dir.resolve("known.parquet");
        Fixtures.plainDuckDb(null, "COPY (SELECT range + 1 AS id, 'name ' || (range * 7919 % 100003) AS name "
                + "FROM range(" + ROWS + ")) TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE 10000)");

        assertNumberedInOrder("known", file, SourceFormat.PARQUET,
                List.of(new Column("id", "BIGINT"), new Column("name", "VARCHAR")));

        assertEquals(List.of("_row_id", "id", "name"), workspace.describe("known").orElseThrow().columnNames());
    }

    @Test
    void parquetPartsAreNumberedOnAcrossPartsAndKeepWholeRowGroups() {
        int partRows = 122_880; // DuckDB's row group size, the size of the bridge's parts
        List<Path> parts = new ArrayList<>();
        for (int start = 0; start < ROWS; start += partRows) {
            Path part = dir.resolve("parts-" + parts.size() + ".parquet");
            Fixtures.plainDuckDb(null, "COPY (SELECT range + 1 AS id, 'name ' || (range * 7919 % 100003) AS name "
                    + "FROM range(" + start + ", " + Math.min(start + partRows, ROWS) + ")) TO '" + part
                    + "' (FORMAT parquet, ROW_GROUP_SIZE " + partRows + ")");
            parts.add(part);
        }
        Iterator<Path> later = parts.subList(1, parts.size()).iterator();
        TableSource source = new TableSource(parts.get(0), SourceFormat.PARQUET,
                List.of(new Column("id", "BIGINT"), new Column("name", "VARCHAR")), Optional.empty(), "callable parts",
                () -> later.hasNext() ? Optional.of(later.next()) : Optional.empty());

        assertEquals(ROWS, workspace.ingest("parted", source));

        assertEquals(List.of(List.of((long) ROWS, 0L, 1, ROWS)), workspace.query(
                "SELECT count(*), count(*) FILTER (WHERE _row_id <> id), min(_row_id), max(_row_id) FROM parted")
                .rows());
        // every part filled whole row groups of the table, so the final checkpoint has nothing to merge
        assertEquals(List.of(List.of((long) parts.size(), (long) partRows)), workspace.query(
                "SELECT count(DISTINCT row_group_id), max(count) FROM pragma_storage_info('parted') "
                        + "WHERE column_name = 'id' AND segment_type <> 'VALIDITY'").rows());
    }

    private void assertNumberedInOrder(String table, Path file, SourceFormat format, List<Column> columns) {
        assertEquals(ROWS, workspace.ingest(table, Fixtures.source(file, format, columns)));
        assertEquals(List.of(List.of((long) ROWS, 0L, 1, ROWS)), workspace.query(
                "SELECT count(*), count(*) FILTER (WHERE _row_id <> id), min(_row_id), max(_row_id) FROM " + table)
                .rows());
        assertEquals("INTEGER", workspace.describe(table).orElseThrow().columns().get(0).sqlType());
    }
}
