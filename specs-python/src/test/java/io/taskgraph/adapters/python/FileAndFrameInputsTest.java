package io.taskgraph.adapters.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import java.io.IOException;
import java.nio.file.Files;
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

    private final PythonSpecLoader loader = PythonFixtures.loader(line -> { });
    private final DuckDbReader db = new DuckDbReader();

    @BeforeAll
    static void copyFixtures() {
        PythonFixtures.copyTo(app);
    }

    private List<List<Object>> rows(String table) {
        return db.query("SELECT * FROM " + table + " ORDER BY _row_id").rows();
    }

    @Test
    void csvJsonNdjsonAndParquetFilesArePointedAtNotCopied() {
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
            db.execute("COPY (SELECT 7 AS id, 'Gus' AS name) TO '" + app.resolve("data/people.parquet") + "' (FORMAT parquet)");
            TableSource parquet = session.materialize("parquet_input", scratch);
            assertEquals(SourceFormat.PARQUET, parquet.format());
            assertEquals(app.resolve("data/people.parquet").toAbsolutePath().normalize(), parquet.file().normalize());
            db.ingest("parquet_input", parquet);
            assertEquals(List.of(Arrays.asList(1L, 7L, "Gus")), rows("parquet_input"));
            TableSource jsonl = session.materialize("jsonl_input", scratch);
            assertEquals(SourceFormat.NDJSON, jsonl.format());
            db.ingest("jsonl_input", jsonl);
            assertEquals(List.of(Arrays.asList(1L, 1L, "Alice"), Arrays.asList(2L, 2L, "Bob")), rows("jsonl_input"));
        }
    }

    @Test
    void anXlsxFileIsHandedToTheEngineWithNoExcelPackageInPython(@TempDir Path isolated) throws IOException {
        // An openpyxl that fails on import, first on the Python path: the bridge must not need one to point at the file.
        PythonFixtures.copyTo(isolated);
        Files.createDirectories(isolated.resolve("openpyxl"));
        Files.writeString(isolated.resolve("openpyxl/__init__.py"), "raise RuntimeError('the bridge imported openpyxl')\n");
        try (SpecSession session = loader.open(SpecRequest.of("ingest.files", isolated))) {
            assertEquals(new TableSource(isolated.resolve("data/book.xlsx").toAbsolutePath().normalize(), SourceFormat.XLSX,
                    List.of(), Optional.empty(), "file data/book.xlsx"), normalized(session.materialize("xlsx_input", scratch)));
        }
    }

    @Test
    void theRichFormSelectsTheSheetOfAnXlsxFile() {
        try (SpecSession session = loader.open(SpecRequest.of("ingest.files", app))) {
            TableSource xlsx = session.materialize("xlsx_sheet", scratch);
            assertEquals(SourceFormat.XLSX, xlsx.format());
            assertEquals(Optional.of("People"), xlsx.sheet());
            assertEquals(List.of(), xlsx.columns(), "declared names are checked after ingestion; the engine reads the types");
            assertEquals(List.of("id", "name"), session.spec().input("xlsx_sheet").orElseThrow().columns());
        }
    }

    @Test
    void aLoaderReturningAnXlsxPathKeepsTheSheetOfTheRichForm() {
        try (SpecSession session = loader.open(SpecRequest.of("ingest.files", app))) {
            TableSource xlsx = session.materialize("xlsx_from_loader", scratch);
            assertEquals(SourceFormat.XLSX, xlsx.format());
            assertEquals(app.resolve("data/book.xlsx").toAbsolutePath().normalize(), xlsx.file().normalize());
            assertEquals(Optional.of("People"), xlsx.sheet());
        }
    }

    @Test
    void aSheetForALoaderThatReturnsRowsIsAnErrorNamingTheInput() {
        try (SpecSession session = loader.open(SpecRequest.of("ingest.files", app))) {
            assertEquals("Input 'sheet_of_rows': \"sheet\" 'People' selects a worksheet of an .xlsx file, but its loader "
                    + "returned a list. Return the path of an .xlsx file, or drop \"sheet\".",
                    assertThrows(InvalidSpecException.class, () -> session.materialize("sheet_of_rows", scratch)).getMessage());
        }
    }

    @Test
    void columnDataNamedDataAndSheetIsNotTakenForTheRichForm() {
        try (SpecSession session = loader.open(SpecRequest.of("ingest.files", app))) {
            TableSource source = session.materialize("columns_named_like_keys", scratch);
            db.ingest("columns_named_like_keys", source);
            assertEquals(List.of(Arrays.asList(1L, 1L, "a"), Arrays.asList(2L, 2L, "b")), rows("columns_named_like_keys"));
        }
    }

    private static TableSource normalized(TableSource source) {
        return new TableSource(source.file().normalize(), source.format(), source.columns(), source.sheet(), source.origin());
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

    @Test
    void aPandasColumnOfMixedTypesIsTextWithTheWarningOfAnyOtherInput() {
        List<String> warnings = new java.util.ArrayList<>();
        try (SpecSession session = loader.open(PythonFixtures.richPythonRequest("ingest.frames", app))) {
            TableSource source = session.materialize("pandas_mixed", scratch, warnings::add);
            db.ingest("pandas_mixed", source);
            assertEquals(List.of(new Column("code", "VARCHAR")), source.columns());
            assertEquals(List.of(Arrays.asList(1L, "1"), Arrays.asList(2L, "2"), Arrays.asList(3L, "A7")),
                    rows("pandas_mixed"));
        }
        assertEquals(List.of("Input 'pandas_mixed', column 'code' mixes int and str values; stored as VARCHAR (text). "
                + "Row 1 holds an int (1); row 3 is the first to differ: a str ('A7'). Fix the loader if the column "
                + "should hold one type."), warnings);
    }

    @Test
    void aFrameItsLibraryCannotWriteIsASpecErrorNamingTheInput() {
        try (SpecSession session = loader.open(PythonFixtures.richPythonRequest("ingest.frames", app))) {
            String message = assertThrows(InvalidSpecException.class,
                    () -> session.materialize("unwritable", scratch)).getMessage();
            assertEquals("Input 'unwritable': writing its polars DataFrame for DuckDB failed: ",
                    message.substring(0, message.indexOf("failed: ") + "failed: ".length()));
        }
    }
}
