package io.taskgraph.adapters.cli;

import static io.taskgraph.adapters.cli.WorkspaceQueries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.run.Ingestion;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.testing.Workbooks;
import io.taskgraph.domain.testing.XlsxWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File inputs (issue 8) through the real adapters, in process: python3 points at the files, the DuckDB engine reads
 * them. A deterministic SQL task stands in for the agents, and an empty cassette guarantees no model is called.
 */
class FileInputsTest {
    private static final String TASK = """
            TASKS = [{"name": "tally", "sql": "CREATE VIEW tally AS SELECT count(*) AS n FROM %s",
                      "inputs": ["%s"], "outputs": ["tally"]}]
            """;

    @TempDir
    Path app;

    @BeforeEach
    void dataFiles() throws IOException, SQLException {
        Files.createDirectories(app.resolve("specs"));
        Files.createDirectories(app.resolve("data"));
        Files.writeString(app.resolve("specs/__init__.py"), "");
        Files.writeString(app.resolve("empty.cassette.jsonl"), "");
        Files.writeString(app.resolve("data/people.csv"), "id,name,joined\n1,Alice,2026-01-02\n2,Bob,2026-02-03\n");
        Files.writeString(app.resolve("data/people.json"),
                "[{\"id\": 1, \"name\": \"Alice\", \"score\": 9.5}, {\"id\": 2, \"name\": \"Bob\", \"score\": null}]");
        Files.writeString(app.resolve("data/events.ndjson"), "{\"id\": 1, \"ok\": true}\n{\"id\": 2, \"ok\": false}\n");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM (VALUES ('USD', 1.0::DOUBLE, DATE '2026-01-01'), ('EUR', 0.92, DATE '2026-01-02'))"
                    + " t(ccy, rate, day)) TO '" + app.resolve("data/rates.parquet") + "' (FORMAT parquet)");
        }
        Workbooks.invoices(app.resolve("data"));
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("Summary", List.of(List.of("note"), List.of("rates are on the next sheet")));
        sheets.put("Rates", List.of(List.of("ccy", "rate"), List.of("USD", 1), List.of("EUR", 0.92)));
        XlsxWriter.write(app.resolve("data/book.xlsx"), sheets);
    }

    @Test
    void everyFileFormatIsIngestedWithItsTypesAndRowIds() throws Exception {
        spec("""
                from pathlib import Path

                INPUTS = {
                    "people_csv": "data/people.csv",
                    "people_json": Path("data/people.json"),
                    "events": "data/events.ndjson",
                    "rates": "data/rates.parquet",
                    "invoices": {"data": "data/invoices.xlsx", "columns": ["invoice_id", "amount"]},
                    "book_rates": {"data": "data/book.xlsx", "sheet": "Rates"},
                }
                TASKS = [{"name": "tally", "sql": "CREATE VIEW tally AS SELECT count(*) AS n FROM invoices",
                          "inputs": ["people_csv", "people_json", "events", "rates", "invoices", "book_rates"],
                          "outputs": ["tally"]}]
                """);

        RealCli.Outcome o = run();

        assertEquals(0, o.exitCode(), o.out() + o.err());
        Path db = app.resolve("out.db");
        assertEquals(List.of("_row_id INTEGER", "id BIGINT", "name VARCHAR", "joined DATE"), types(db, "people_csv"));
        assertEquals(List.of("_row_id INTEGER", "id BIGINT", "name VARCHAR", "score DOUBLE"), types(db, "people_json"));
        assertEquals(List.of("_row_id INTEGER", "id BIGINT", "ok BOOLEAN"), types(db, "events"));
        assertEquals(List.of("_row_id INTEGER", "ccy VARCHAR", "rate DOUBLE", "day DATE"), types(db, "rates"));
        assertEquals(List.of("_row_id INTEGER", "invoice_id BIGINT", "customer VARCHAR", "issued_on DATE", "amount DOUBLE",
                "paid BOOLEAN", "note VARCHAR", "booked_at TIMESTAMP"), types(db, "invoices"));
        assertEquals(List.of("_row_id INTEGER", "ccy VARCHAR", "rate DOUBLE"), types(db, "book_rates"));
        assertEquals(List.of(List.of("1", "Alice", "2026-01-02"), List.of("2", "Bob", "2026-02-03")),
                query(db, "SELECT _row_id, name, CAST(joined AS VARCHAR) FROM people_csv ORDER BY _row_id"));
        assertEquals(List.of(List.of("1", "1", "Acme GmbH", "2026-01-05", "120.5", "true", "2026-01-05 09:30:00"),
                Arrays.asList("4", "4", "Total", null, null, null, null)),
                query(db, "SELECT _row_id, invoice_id, customer, issued_on, amount, paid, CAST(booked_at AS VARCHAR) FROM invoices "
                        + "WHERE _row_id IN (1, 4) ORDER BY _row_id"));
        assertEquals(List.of(List.of("1", "USD", "1.0"), List.of("2", "EUR", "0.92")),
                query(db, "SELECT * FROM book_rates ORDER BY _row_id"));
        assertEquals(List.of(List.of("4")), query(db, "SELECT n FROM tally"));
    }

    @Test
    void aMissingFileStopsTheRunNamingTheInputAndWhereItLooked() throws Exception {
        spec("INPUTS = {\"book\": \"data/nowhere.xlsx\"}\n" + TASK.formatted("book", "book"));

        RealCli.Outcome o = run();

        assertEquals(2, o.exitCode(), o.out() + o.err());
        assertEquals("taskgraph: Input 'book': file data/nowhere.xlsx not found (looked at " + app.resolve("data/nowhere.xlsx")
                + ", relative to the working directory " + app + ").\n", o.err());
    }

    @Test
    void aFileInTheWrongFormatNamesTheInputAndThePath() throws Exception {
        Files.writeString(app.resolve("data/fake.xlsx"), "id,name\n1,Alice\n");
        spec("INPUTS = {\"book\": \"data/fake.xlsx\"}\n" + TASK.formatted("book", "book"));

        RealCli.Outcome o = run();

        assertEquals(2, o.exitCode(), o.out() + o.err());
        assertTrue(o.err().startsWith("taskgraph: Could not ingest input 'book' from file data/fake.xlsx: "
                + app.resolve("data/fake.xlsx") + " is not a readable .xlsx workbook ("), o.err());
    }

    @Test
    void anUnreadableParquetFileNamesTheInputAndThePath() throws Exception {
        Files.writeString(app.resolve("data/broken.parquet"), "this is not parquet");
        spec("INPUTS = {\"rates\": \"data/broken.parquet\"}\n" + TASK.formatted("rates", "rates"));

        RealCli.Outcome o = run();

        assertEquals(2, o.exitCode(), o.out() + o.err());
        assertTrue(o.err().startsWith("taskgraph: Could not ingest input 'rates' from file data/broken.parquet: "), o.err());
        assertTrue(o.err().contains(app.resolve("data/broken.parquet").toString()), o.err());
    }

    @Test
    void aDamagedWorkbookNamesTheInputAndThePath() throws Exception {
        byte[] whole = Files.readAllBytes(app.resolve("data/invoices.xlsx"));
        Files.write(app.resolve("data/damaged.xlsx"), Arrays.copyOf(whole, whole.length / 3));
        spec("INPUTS = {\"book\": \"data/damaged.xlsx\"}\n" + TASK.formatted("book", "book"));

        RealCli.Outcome o = run();

        assertEquals(2, o.exitCode(), o.out() + o.err());
        assertTrue(o.err().startsWith("taskgraph: Could not ingest input 'book' from file data/damaged.xlsx: "
                + app.resolve("data/damaged.xlsx") + " is not a readable .xlsx workbook ("), o.err());
    }

    @Test
    void anUnknownSheetNamesTheInputAndTheSheetsThereAre() throws Exception {
        spec("INPUTS = {\"book\": {\"data\": \"data/book.xlsx\", \"sheet\": \"Totals\"}}\n" + TASK.formatted("book", "book"));

        RealCli.Outcome o = run();

        assertEquals(2, o.exitCode(), o.out() + o.err());
        assertEquals("taskgraph: Could not ingest input 'book' from file data/book.xlsx: Workbook "
                + app.resolve("data/book.xlsx") + " has no sheet named 'Totals'; its sheets are [Summary, Rates].\n", o.err());
    }

    @Test
    void theSpecGuidesXlsxExampleIngestsThroughTheEngineAndPassesItsInputChecks() throws Exception {
        // docs/SPEC_GUIDE.md's examples are fixtures; specs-python's SpecGuideTest has no workbook reader, this one does.
        Matcher block = Pattern.compile("```python\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("../docs/SPEC_GUIDE.md")));
        String example = null;
        while (block.find()) {
            if (block.group(1).contains(".xlsx\"") && block.group(1).contains("\"sheet\"")) {
                example = block.group(1);
            }
        }
        assertTrue(example != null, "SPEC_GUIDE.md shows an XLSX input with a sheet");
        spec(example);
        ProductionAdapters adapters = new ProductionAdapters(System.getenv(), app);
        try (SpecSession session = adapters.specLoader(line -> { }).open(SpecRequest.of("specs.main", app));
             Workspace workspace = adapters.sqlEngine().create(app.resolve("guide.db"), false)) {
            for (InputSpec input : session.spec().inputs()) {
                assertEquals(SourceFormat.XLSX, session.materialize(input.name(), app.resolve("scratch")).format());
            }
            assertEquals(Map.of("invoices", 4L), Ingestion.ingestAll(session, adapters.workbookReader(), workspace,
                    RunListener.NONE, () -> false).rowCounts());
            Ingestion.validateInputs(session.spec(), workspace);
            assertEquals(List.of("_row_id", "invoice_id", "customer", "issued_on", "amount", "paid", "note", "booked_at"),
                    workspace.describe("invoices").orElseThrow().columnNames());
        }
    }

    private void spec(String source) throws IOException {
        Files.writeString(app.resolve("specs/main.py"), source);
    }

    private RealCli.Outcome run() {
        return RealCli.run(app, Map.of(), "run", "-o", "out.db", "-q", "--llm-replay", "empty.cassette.jsonl");
    }

    private static List<String> types(Path db, String table) throws SQLException {
        return query(db, "SELECT column_name || ' ' || data_type FROM information_schema.columns WHERE table_name = '"
                + table + "' ORDER BY ordinal_position").stream().map(r -> r.get(0)).toList();
    }
}
