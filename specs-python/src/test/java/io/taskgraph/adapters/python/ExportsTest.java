package io.taskgraph.adapters.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EXPORTS functions run in Python with a conn whose SQL runs here, on a real DuckDB workspace. */
class ExportsTest {
    @TempDir
    static Path app;
    @TempDir
    Path out;

    private final PythonSpecLoader loader = PythonFixtures.loader(line -> { });
    private final DuckDbReader db = new DuckDbReader();

    @BeforeAll
    static void copyFixtures() {
        PythonFixtures.copyTo(app);
    }

    @BeforeEach
    void workspace() {
        db.execute("CREATE TABLE ledger AS SELECT * FROM (VALUES (1, 1, DATE '2026-01-01', 1.50::DECIMAL(10,2)), "
                + "(2, 20, DATE '2026-01-02', 2.25::DECIMAL(10,2)), (3, 30, DATE '2026-01-03', 3.00::DECIMAL(10,2)), "
                + "(4, 40, DATE '2026-01-04', 4.75::DECIMAL(10,2))) t(id, amount, day, price)");
    }

    private Map<String, Object> json(Path file) throws Exception {
        return Json.parseObject(Files.readString(file));
    }

    @Test
    void dbApiCursorGivesDescriptionTypedValuesAndFetchingInParts() throws Exception {
        try (SpecSession session = loader.open(SpecRequest.of("misc.export_api", app))) {
            List<ExportResult> results = session.runExports(db, out);
            ExportResult dbapi = results.get(0);
            assertEquals(new ExportResult("out/dbapi.json", out.resolve("out/dbapi.json"), Optional.empty()), dbapi);
            Map<String, Object> expected = new java.util.LinkedHashMap<>();
            expected.put("names", List.of("id", "amount", "day", "price"));
            expected.put("first", List.of(2L, 20L, "2026-01-02", "2.25"));
            expected.put("some", 1L);
            expected.put("rest", 1L);
            expected.put("after", null);
            assertEquals(expected, json(dbapi.path()));
        }
    }

    @Test
    void relationsFetchAllRowsAndAFailingExportIsCapturedWithTheDatabaseMessage() throws Exception {
        try (SpecSession session = loader.open(SpecRequest.of("misc.export_api", app))) {
            List<ExportResult> results = session.runExports(db, out);
            assertEquals(List.of("out/dbapi.json", "relation.json", "timestamps.json", "bad.json"),
                    results.stream().map(ExportResult::name).toList());
            assertEquals(Map.of("ts", "2026-01-31T12:30:45.500000", "tz_utc", "2026-01-31T10:00:00+00:00"),
                    json(results.get(2).path()));
            assertEquals(Map.of("columns", List.of("id", "amount"), "rows", List.of(List.of(1L, 1L), List.of(2L, 20L),
                    List.of(3L, 30L), List.of(4L, 40L))), json(results.get(1).path()));
            String error = results.get(3).error().orElseThrow();
            assertTrue(error.startsWith("Error: Catalog Error: Table with name no_such_view does not exist!"), error);
            assertTrue(error.endsWith("(misc/export_api.py, line 39)"), error);
        }
    }

    @Test
    void polarsReadDatabaseAndDataFrameConversionsWorkThroughTheProxy() throws Exception {
        try (SpecSession session = loader.open(PythonFixtures.richPythonRequest("misc.frame_exports", app))) {
            ExportResult frames = session.runExports(db, out).get(0);
            assertTrue(frames.succeeded(), () -> frames.error().orElseThrow());
            assertEquals(Map.of("polars_columns", List.of("id", "amount", "day"), "polars_day_type", "Date",
                    "polars_amounts", List.of(1L, 20L, 30L, 40L), "sql_pl_height", 4L, "pandas_sum", 91L),
                    json(frames.path()));
        }
    }

    @Test
    void seedPolarsExportWritesTheReportCsv() throws Exception {
        db.execute("CREATE VIEW profit_report AS SELECT * FROM (VALUES ('widget', 74.5), ('gadget', 80.0)) t(product, profit)");
        try (SpecSession session = loader.open(PythonFixtures.richPythonRequest("seed.exports", app))) {
            ExportResult report = session.runExports(db, out).get(0);
            assertTrue(report.succeeded(), () -> report.error().orElseThrow());
            assertEquals(List.of("product,profit", "widget,74.5", "gadget,80.0"), Files.readAllLines(report.path()));
        }
    }
}
