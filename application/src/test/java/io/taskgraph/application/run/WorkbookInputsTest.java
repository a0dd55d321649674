package io.taskgraph.application.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.testing.RunFixture;
import io.taskgraph.domain.ErrorCategory;
import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.testing.InMemorySpec;
import io.taskgraph.domain.testing.Workbooks;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An input that is a workbook: the run reads its sheet through the workbook reader, then the engine ingests it. */
@Timeout(60)
class WorkbookInputsTest {
    private static final TaskSpec UNPAID = new TaskSpec("unpaid", "", List.of(
            "CREATE VIEW unpaid_invoices AS SELECT invoice_id, customer FROM invoices WHERE paid IS NOT TRUE"),
            false, List.of("invoices"), List.of("unpaid_invoices"), Map.of(), List.of());

    @TempDir
    Path dir;

    private RunFixture invoicesFrom(String sheet) {
        Path book = Workbooks.invoices(dir.resolve("data"));
        TableSource workbook = new TableSource(book, SourceFormat.XLSX, List.of(), Optional.ofNullable(sheet),
                "file data/invoices.xlsx");
        return new RunFixture(dir).module(InMemorySpec.module("app.invoices").fileInput(InputSpec.of("invoices"), workbook)
                .task(UNPAID).build());
    }

    @Test
    void aSheetIsIngestedWithTheTypesOfItsCellsAndRowIdsInSheetOrder() {
        RunFixture f = invoicesFrom("Invoices");
        RunSummary summary = f.run("app.invoices", "out.db");

        assertTrue(summary.succeeded(), summary.toString());
        assertEquals(List.of(List.of("_row_id", "INTEGER"), List.of("invoice_id", "BIGINT"),
                List.of("customer", "VARCHAR"), List.of("issued_on", "DATE"), List.of("amount", "DOUBLE"),
                List.of("paid", "BOOLEAN"), List.of("note", "VARCHAR"), List.of("booked_at", "TIMESTAMP")),
                f.rows("out.db", "SELECT column_name, data_type FROM information_schema.columns "
                        + "WHERE table_name = 'invoices' ORDER BY ordinal_position"));
        assertEquals(List.of(
                List.of(1, 1L, "Acme GmbH", "2026-01-05", 120.5, true, "2026-01-05 09:30:00"),
                List.of(2, 2L, "Birch & Sons", "2026-01-09", 99.0, false, "2026-01-09 14:00:00"),
                Arrays.asList(3, 3L, "Cobalt \"Ltd\"", "2026-02-01", null, null, null),
                Arrays.asList(4, 4L, "Total", null, null, null, null)),
                f.rows("out.db", "SELECT _row_id, invoice_id, customer, CAST(issued_on AS VARCHAR), amount, paid, "
                        + "CAST(booked_at AS VARCHAR) FROM invoices ORDER BY _row_id"));
        assertEquals(List.of(List.of(2L, "Birch & Sons"), List.of(3L, "Cobalt \"Ltd\""), List.of(4L, "Total")),
                f.rows("out.db", "SELECT * FROM unpaid_invoices ORDER BY invoice_id"));
        assertEquals("{\"invoices\":4}", f.workspaceMeta("out.db").get("input_row_counts"));
        assertEquals(List.of(List.of(dir.resolve("data/invoices.xlsx").toAbsolutePath().normalize().toString())),
                f.rows("out.db", "SELECT value->'invoices'->>'path' FROM _workspace_meta WHERE key = 'input_files'"),
                "the workbook is the file recorded, not the table file made of its sheet");
        assertEquals(List.of("invoices"), f.events(RunEvent.InputIngested.class).stream()
                .map(RunEvent.InputIngested::input).toList());
    }

    @Test
    void anUnknownSheetStopsTheRunBeforeAnyTaskNamingTheInputAndTheSheetsThereAre() {
        RunFixture f = invoicesFrom("Sales");

        WorkspaceException refused = assertThrows(WorkspaceException.class, () -> f.run("app.invoices", "out.db"));

        assertEquals("Could not ingest input 'invoices' from file data/invoices.xlsx: Workbook "
                + dir.resolve("data/invoices.xlsx") + " has no sheet named 'Sales'; its sheets are [Invoices, Notes].",
                refused.getMessage());
        assertEquals(ErrorCategory.BAD_INPUT, refused.category());
        assertFalse(f.events().stream().anyMatch(e -> e instanceof RunEvent.TaskStarted), f.events().toString());
    }
}
