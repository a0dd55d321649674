package io.taskgraph.adapters.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB's readers rename a column whose name another one already has but for case ({@code ID} becomes
 * {@code ID_1}), and a {@code _row_id} of the data next to ours: the engine refuses such files instead, naming the
 * columns as the file writes them, and leaves no table behind. Names that only look renamed are kept.
 */
class ColumnNameIngestionTest {
    private static final String CASE_CLASH = "Input 'people' (file people.%s) has columns whose names differ only "
            + "in case: 'id' and 'ID'. DuckDB does not tell such names apart: it would rename one of them, and tasks "
            + "could read the wrong column. Rename the columns in the data (file people.%s) so that no two differ "
            + "only in case, and run again.";
    private static final String ROW_ID = "Input 'people' (file people.%s) has a column named '%s', but Taskgraph "
            + "adds its own '_row_id' (the row number, 1..n in source order) to every input table, so the data's "
            + "column would be renamed. Rename that column in the data (file people.%s), e.g. to 'source_row_id', "
            + "and run again.";

    @TempDir
    Path dir;
    private Workspace workspace;

    @BeforeEach
    void createWorkspace() {
        workspace = new DuckDbEngine().create(dir.resolve("out.db"), false);
    }

    @AfterEach
    void closeWorkspace() {
        workspace.close();
    }

    private TableSource file(String name, SourceFormat format, String content) throws Exception {
        Path path = Files.writeString(dir.resolve(name), content);
        return new TableSource(path, format, List.of(), Optional.empty(), "file " + name);
    }

    private String refused(TableSource source) {
        String message = assertThrows(InvalidSpecException.class, () -> workspace.ingest("people", source)).getMessage();
        assertTrue(workspace.describe("people").isEmpty(), "no table is left behind");
        return message;
    }

    @Test
    void aCsvHeaderWithNamesThatDifferOnlyInCaseIsRefused() throws Exception {
        assertEquals(CASE_CLASH.formatted("csv", "csv"),
                refused(file("people.csv", SourceFormat.CSV, "id,ID,name\n1,2,Ann\n")));
    }

    @Test
    void theCsvHeaderIsReadAfterLinesTheSnifferSkips() throws Exception {
        assertEquals(CASE_CLASH.formatted("csv", "csv"), refused(file("people.csv", SourceFormat.CSV,
                "exported 2026-01-31\n\nid;ID;name\n1;2;Ann\n3;4;Bob\n")));
    }

    @Test
    void aCsvColumnCalledRowIdInAnyCaseIsRefused() throws Exception {
        assertEquals(ROW_ID.formatted("csv", "_ROW_ID", "csv"),
                refused(file("people.csv", SourceFormat.CSV, "_ROW_ID,name\n7,Ann\n")));
    }

    @Test
    void jsonObjectsWhoseKeysDifferOnlyInCaseAreRefusedEvenAcrossRows() throws Exception {
        assertEquals(CASE_CLASH.formatted("ndjson", "ndjson"),
                refused(file("people.ndjson", SourceFormat.NDJSON, "{\"id\": 1, \"name\": \"Ann\"}\n{\"ID\": 2}\n")));
        assertEquals(CASE_CLASH.formatted("json", "json"),
                refused(file("people.json", SourceFormat.JSON, "[{\"id\": 1, \"ID\": 2}]")));
    }

    @Test
    void aJsonKeyCalledRowIdIsRefused() throws Exception {
        assertEquals(ROW_ID.formatted("json", "_row_id", "json"),
                refused(file("people.json", SourceFormat.JSON, "[{\"_row_id\": 7, \"name\": \"Ann\"}]")));
    }

    @Test
    void aParquetColumnCalledRowIdIsRefusedFromTheFilesSchema() throws Exception {
        Path parquet = dir.resolve("people.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT 7 AS _row_id, 'Ann' AS name) TO " + Sql.literal(parquet.toString())
                    + " (FORMAT parquet)");
        }
        assertEquals(ROW_ID.formatted("parquet", "_row_id", "parquet"),
                refused(new TableSource(parquet, SourceFormat.PARQUET, List.of(), Optional.empty(), "file people.parquet")));
    }

    @Test
    void declaredColumnsAreCheckedBeforeTheFileIsRead() throws Exception {
        Path ndjson = Files.writeString(dir.resolve("rows.columns.ndjson"), "not even JSON");
        TableSource source = new TableSource(ndjson, SourceFormat.COLUMNAR_NDJSON,
                List.of(new Column("Amount", "BIGINT"), new Column("amount", "BIGINT"), new Column("AMOUNT", "BIGINT")),
                Optional.empty(), "callable load_people");
        assertEquals("Input 'people' (callable load_people) has columns whose names differ only in case: 'Amount', "
                + "'amount' and 'AMOUNT'. DuckDB does not tell such names apart: it would rename one of them, and tasks "
                + "could read the wrong column. Rename the columns in the data (callable load_people) so that no two "
                + "differ only in case, and run again.", refused(source));
    }

    @Test
    void bothProblemsAtOnceAreNamedTogether() throws Exception {
        assertEquals("Input 'people' (file people.csv) has columns whose names differ only in case: 'id' and 'ID'. "
                + "DuckDB does not tell such names apart: it would rename one of them, and tasks could read the wrong "
                + "column; it also has a column named '_row_id', but Taskgraph adds its own '_row_id' (the row number, "
                + "1..n in source order) to every input table, so the data's column would be renamed. Rename the "
                + "columns in the data (file people.csv) so that no two differ only in case and none is called "
                + "'_row_id', and run again.", refused(file("people.csv", SourceFormat.CSV, "_row_id,id,ID\n1,2,3\n")));
    }

    @Test
    void namesThatOnlyLookRenamedAreKept() throws Exception {
        assertEquals(1, workspace.ingest("people", file("people.csv", SourceFormat.CSV, "id,id_1,ID_2x\n1,2,3\n")));
        assertEquals(List.of("_row_id", "id", "id_1", "ID_2x"), workspace.describe("people").orElseThrow().columnNames());
        assertEquals(1, workspace.ingest("events", file("events.ndjson", SourceFormat.NDJSON,
                "{\"day\": 1, \"day_2\": 2, \"_row_id_src\": 3}\n")));
        assertEquals(List.of("_row_id", "day", "day_2", "_row_id_src"),
                workspace.describe("events").orElseThrow().columnNames());
    }

}
