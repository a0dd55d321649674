package io.taskgraph.adapters.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs given as file paths (issue 8) and as polars / pandas DataFrames. */
class FileAndFrameInputsTest {
    @TempDir
    static Path app;
    @TempDir
    Path scratch;

    private final PythonSpecLoader loader = new PythonSpecLoader(line -> { });
    private final DuckDbReader db = new DuckDbReader();

    @BeforeAll
    static void copyFixtures() {
        PythonFixtures.copyTo(app);
    }

    private List<List<Object>> rows(String table) {
        return db.query("SELECT * FROM " + table + " ORDER BY _row_id").rows();
    }

    @Test
    void csvJsonAndNdjsonFilesArePointedAtNotCopied() {
        try (SpecSession session = loader.open(SpecRequest.of("ingest.files", app))) {
            TableSource csv = session.materialize("csv_input", scratch);
            assertEquals(app.resolve("data/people.csv").toAbsolutePath().normalize(), csv.file().normalize());
            assertEquals(SourceFormat.CSV, csv.format());
            assertEquals("file data/people.csv", csv.origin());
            db.ingest("csv_input", csv);
            assertEquals(List.of(new Column("_row_id", "INTEGER"), new Column("id", "BIGINT"),
                    new Column("name", "VARCHAR"), new Column("joined", "DATE")), db.columns("csv_input"));

            TableSource json = session.materialize("json_input", scratch);
            assertEquals(SourceFormat.JSON, json.format());
            db.ingest("json_input", json);
            assertEquals(List.of(Arrays.asList(1L, 1L, "Alice"), Arrays.asList(2L, 2L, "Bob")), rows("json_input"));

            assertEquals(SourceFormat.NDJSON, session.materialize("ndjson_input", scratch).format());
            TableSource jsonl = session.materialize("jsonl_input", scratch);
            assertEquals(SourceFormat.NDJSON, jsonl.format());
            db.ingest("jsonl_input", jsonl);
            assertEquals(List.of(Arrays.asList(1L, 1L, "Alice"), Arrays.asList(2L, 2L, "Bob")), rows("jsonl_input"));
        }
    }

    @Test
    void xlsxWithoutOpenpyxlSaysToInstallIt() {
        try (SpecSession session = loader.open(SpecRequest.of("ingest.files", app))) {
            assertEquals("Input 'xlsx_input': reading " + app.toAbsolutePath().normalize().resolve("data/book.xlsx")
                    + " needs the openpyxl package, which the Python Taskgraph runs does not have. Install it (pip "
                    + "install openpyxl) or point TASKGRAPH_PYTHON at a Python that has it.",
                    assertThrows(InvalidSpecException.class, () -> session.materialize("xlsx_input", scratch)).getMessage());
        }
    }

    @Test
    void xlsxIsConvertedThroughOpenpyxlWithItsFirstRowAsHeader() {
        try (SpecSession session = loader.open(PythonFixtures.richPythonRequest("ingest.files", app))) {
            TableSource xlsx = session.materialize("xlsx_input", scratch);
            assertEquals(SourceFormat.COLUMNAR_NDJSON, xlsx.format());
            assertEquals(Optional.of("People"), xlsx.sheet());
            assertEquals(List.of(new Column("id", "BIGINT"), new Column("name", "VARCHAR"),
                    new Column("joined", "TIMESTAMP"), new Column("score", "DOUBLE")), xlsx.columns());
            db.ingest("xlsx_input", xlsx);
            assertEquals(List.of(Arrays.asList(1L, 1L, "Alice", "2026-01-02 00:00:00", 9.5),
                    Arrays.asList(2L, 2L, "Bob", "2026-02-03 00:00:00", null)), db.query("SELECT _row_id, id, name, "
                    + "CAST(joined AS VARCHAR), score FROM xlsx_input ORDER BY _row_id").rows());
        }
    }

    @Test
    void aPolarsFrameIsWrittenByPolarsAsParquetKeepingItsSchema() {
        try (SpecSession session = loader.open(PythonFixtures.richPythonRequest("ingest.frames", app))) {
            TableSource source = session.materialize("polars_input", scratch);
            assertEquals(SourceFormat.PARQUET, source.format());
            assertEquals("callable polars_frame", source.origin());
            db.ingest("polars_input", source);
            assertEquals(List.of(new Column("_row_id", "INTEGER"), new Column("id", "BIGINT"),
                    new Column("name", "VARCHAR"), new Column("amount", "DOUBLE"), new Column("day", "DATE")),
                    db.columns("polars_input"));
            assertEquals(Arrays.asList(3L, 3L, null, null, null), rows("polars_input").get(2));
        }
    }

    @Test
    void aPandasFrameKeepsDeclaredColumnsFirstAndItsMissingValuesNull() {
        try (SpecSession session = loader.open(PythonFixtures.richPythonRequest("ingest.frames", app))) {
            TableSource source = session.materialize("pandas_input", scratch);
            assertEquals(SourceFormat.PARQUET, source.format());
            db.ingest("pandas_input", source);
            assertEquals(List.of("_row_id", "name", "id", "amount"),
                    db.columns("pandas_input").stream().map(Column::name).toList());
            assertEquals(List.of(Arrays.asList(1L, "a", 1L, 1.5), Arrays.asList(2L, "b", 2L, null),
                    Arrays.asList(3L, null, 3L, 3.0)), rows("pandas_input"));
        }
    }
}
