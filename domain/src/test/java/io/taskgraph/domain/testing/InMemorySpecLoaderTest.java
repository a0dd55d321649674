package io.taskgraph.domain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.port.contract.SpecLoaderContract;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemorySpecLoaderTest extends SpecLoaderContract {
    @TempDir
    Path dir;

    private static final List<Column> EMPLOYEE_COLUMNS = List.of(new Column("id", "BIGINT"),
            new Column("name", "VARCHAR"), new Column("department", "VARCHAR"), new Column("salary", "BIGINT"));

    private static InMemorySpec.Builder minimal(String module) {
        List<Map<String, Object>> rows = List.of(
                row("id", 1, "name", "Alice", "department", "Engineering", "salary", 120000),
                row("id", 2, "name", "Bob", "department", "Engineering", "salary", 110000),
                row("id", 3, "name", "Carol", "department", "Sales", "salary", 95000),
                row("id", 4, "name", "Dave", "department", "Sales", "salary", 90000),
                row("id", 5, "name", "Eve", "department", "Engineering", "salary", 130000),
                row("id", 6, "name", "Frank", "department", "HR", "salary", 85000));
        return InMemorySpec.module(module)
                .input(new InputSpec("employees", List.of("id", "name", "department", "salary"), List.of()),
                        EMPLOYEE_COLUMNS, rows)
                .task(new TaskSpec("summarize", "Summarize employees by department.", List.of(), false,
                        List.of("employees"), List.of("department_summary"), Map.of("department_summary",
                        List.of("department", "headcount", "total_salary", "avg_salary")), List.of()));
    }

    private final InMemorySpecLoader contractLoader = InMemorySpecLoader.create()
            .hanging("contract.hanging")
            .module(minimal("contract.minimal").build())
            .module(minimal("contract.exports")
                    .export("summary.csv", (reader, file) -> {
                        StringBuilder csv = new StringBuilder("department,headcount\n");
                        for (List<Object> r : reader.query(
                                "SELECT department, headcount FROM department_summary ORDER BY department").rows()) {
                            csv.append(r.get(0)).append(',').append(r.get(1)).append('\n');
                        }
                        Files.writeString(file, csv);
                    })
                    .export("broken.csv", (reader, file) -> {
                        throw new IllegalStateException("no such report");
                    })
                    .build())
            .module(InMemorySpec.module("contract.diamond")
                    .input("transactions", List.of(new Column("id", "BIGINT")), List.of())
                    .input("products", List.of(new Column("product", "VARCHAR")), List.of())
                    .task(TaskSpec.agent("prep", "split", List.of("transactions"),
                            List.of("prepared_sales", "prepared_costs")))
                    .task(TaskSpec.agent("sales", "sum", List.of("prepared_sales", "products"), List.of("sales_summary")))
                    .task(TaskSpec.agent("costs", "sum", List.of("prepared_costs"), List.of("costs_summary")))
                    .task(TaskSpec.agent("report", "combine", List.of("sales_summary", "costs_summary"),
                            List.of("profit_report")))
                    .build());

    @Override
    protected SpecLoader loader() {
        return contractLoader;
    }

    @Override
    protected SpecRequest request(Fixture fixture) {
        return SpecRequest.of("contract." + fixture.name().toLowerCase(java.util.Locale.ROOT), Path.of("."));
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    private final InMemorySpecLoader loader = InMemorySpecLoader.create().module(InMemorySpec.module("app.specs.main")
            .input("sales", List.of(new Column("id", "BIGINT"), new Column("day", "DATE")),
                    List.of(row("id", 1L, "day", LocalDate.of(2026, 1, 2)), row("id", 2L, "day", null)))
            .failingInput("broken", "FileNotFoundError: data.csv")
            .task(TaskSpec.agent("t", "do it", List.of("sales"), List.of("out")))
            .export("ok.txt", (reader, file) -> Files.writeString(file, "fine"))
            .export("bad.txt", (reader, file) -> {
                throw new IllegalStateException("no such view");
            })
            .warning("git tree is dirty")
            .build());

    @Test
    void materializeWritesOneNdjsonLinePerRowWithDatesAsIsoText() throws Exception {
        try (SpecSession session = loader.open(SpecRequest.of("app.specs.main", dir))) {
            TableSource source = session.materialize("sales", dir);
            assertEquals(SourceFormat.NDJSON, source.format());
            assertEquals(List.of(new Column("id", "BIGINT"), new Column("day", "DATE")), source.columns());
            assertEquals(List.of("{\"id\":1,\"day\":\"2026-01-02\"}", "{\"id\":2,\"day\":null}"),
                    Files.readAllLines(source.file()));
            assertEquals(List.of("git tree is dirty"), session.warnings());
            assertEquals("app.specs.main", session.spec().origin().module());
        }
        assertEquals(0, loader.openSessions());
    }

    @Test
    void aFileInputIsHandedOverAsTheUsersOwnFile() throws Exception {
        Path csv = Files.writeString(dir.resolve("rates.csv"), "currency,rate\nEUR,1.0\n");
        InMemorySpecLoader files = InMemorySpecLoader.create().module(InMemorySpec.module("app.specs.files")
                .fileInput(InputSpec.of("rates"), csv, SourceFormat.CSV)
                .task(TaskSpec.agent("t", "Do it.", List.of("rates"), List.of("t_out"))).build());
        try (SpecSession session = files.open(SpecRequest.of("app.specs.files", dir))) {
            TableSource source = session.materialize("rates", dir.resolve("scratch"));
            assertEquals(csv, source.file());
            assertEquals(SourceFormat.CSV, source.format());
            assertEquals("file " + csv, source.origin());
        }
    }

    @Test
    void unknownModuleIsAnInvalidSpecNamingTheModule() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> loader.open(SpecRequest.of("app.specs.nope", dir)));
        assertTrue(e.getMessage().contains("'app.specs.nope'"), e.getMessage());
    }

    @Test
    void failingInputNamesTheInputAndTheCause() {
        try (SpecSession session = loader.open(SpecRequest.of("app.specs.main", dir))) {
            InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> session.materialize("broken", dir));
            assertEquals("Input 'broken' could not be loaded: FileNotFoundError: data.csv", e.getMessage());
        }
    }

    @Test
    void exportErrorsAreCapturedPerFile() throws Exception {
        try (SpecSession session = loader.open(SpecRequest.of("app.specs.main", dir))) {
            List<ExportResult> results = session.runExports(null, dir);
            assertEquals(2, results.size());
            assertTrue(results.get(0).succeeded());
            assertEquals("fine", Files.readString(dir.resolve("ok.txt")));
            assertFalse(results.get(1).succeeded());
            assertEquals("IllegalStateException: no such view", results.get(1).error().orElseThrow());
        }
        assertEquals(List.of("app.specs.main"), loader.requests().stream().map(SpecRequest::module).toList());
    }
}
