package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.cli.e2e.FakeModelServer.Reply;
import io.taskgraph.domain.testing.Workbooks;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Excel workbooks on the shipped jar: inspect-xlsx, and a spec whose input is a sheet, read by the workbook reader. */
@Tag("e2e")
class WorkbookE2ETest {
    private static final String SPEC = """
            INPUTS = {
                "invoices": {"data": "data/invoices.xlsx", "sheet": "Invoices", "columns": ["invoice_id", "amount"]},
            }

            TASKS = [
                {
                    "name": "unpaid",
                    "prompt": "List the unpaid invoices in view 'unpaid_invoices'.",
                    "inputs": ["invoices"],
                    "outputs": ["unpaid_invoices"],
                    "output_columns": {"unpaid_invoices": ["invoice_id", "customer"]},
                },
            ]
            """;

    @TempDir
    Path dir;

    @Test
    void inspectXlsxListsTheSheetsAndNamesThemWhenAskedForOneThatIsNotThere() throws Exception {
        Workbooks.invoices(dir);
        Taskgraph taskgraph = new Taskgraph(dir);

        Taskgraph.Result listed = taskgraph.run("inspect-xlsx", "invoices.xlsx");

        assertEquals(0, listed.exitCode(), listed.all());
        assertEquals("""
                invoices.xlsx: 2 sheets
                  Invoices  A1:G6  6 rows x 7 columns
                  Notes     B2:C4  3 rows x 2 columns

                See a sheet's cells: taskgraph inspect-xlsx invoices.xlsx SHEET [RANGE such as A1:D10]
                """, listed.out());

        Taskgraph.Result unknown = taskgraph.run("inspect-xlsx", "invoices.xlsx", "Sales");

        assertEquals(2, unknown.exitCode(), unknown.all());
        assertEquals("taskgraph: Workbook " + dir.resolve("invoices.xlsx")
                + " has no sheet named 'Sales'; its sheets are [Invoices, Notes].\n", unknown.err());
    }

    @Test
    void aSheetOfAWorkbookIsAnInputWithTypedColumnsAndRowIdsInSheetOrder() throws Exception {
        AppDir app = new AppDir(dir);
        Workbooks.invoices(app.path("data"));
        String spec = app.spec("main", SPEC);
        try (FakeModelServer model = FakeModelServer.start()) {
            model.script("List the unpaid invoices", Reply.sql("CREATE VIEW unpaid_invoices AS SELECT invoice_id, "
                    + "customer FROM invoices WHERE paid IS NOT TRUE ORDER BY _row_id"), Reply.answer("Done."));

            Taskgraph.Result r = new Taskgraph(dir).model(model).run("run", "--spec", spec, "-o", "out.db");

            assertEquals(0, r.exitCode(), r.all());
            assertTrue(r.out().contains("] ingested invoices: 4 rows"), r.all());
            Path db = app.path("out.db");
            assertEquals(List.of(List.of("_row_id", "INTEGER"), List.of("invoice_id", "BIGINT"),
                    List.of("customer", "VARCHAR"), List.of("issued_on", "DATE"), List.of("amount", "DOUBLE"),
                    List.of("paid", "BOOLEAN"), List.of("note", "VARCHAR"), List.of("booked_at", "TIMESTAMP")),
                    WorkspaceFile.query(db, "SELECT column_name, data_type FROM information_schema.columns "
                            + "WHERE table_name = 'invoices' ORDER BY ordinal_position"));
            assertEquals(List.of(List.of("1", "Acme GmbH", "2026-01-05"), List.of("2", "Birch & Sons", "2026-01-09"),
                    List.of("3", "Cobalt \"Ltd\"", "2026-02-01"), Arrays.asList("4", "Total", null)),
                    WorkspaceFile.query(db, "SELECT _row_id, customer, issued_on FROM invoices ORDER BY _row_id"));
            assertEquals(List.of(List.of("2", "Birch & Sons"), List.of("3", "Cobalt \"Ltd\""), List.of("4", "Total")),
                    WorkspaceFile.query(db, "SELECT * FROM unpaid_invoices"));
        }
    }
}
