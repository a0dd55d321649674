package io.taskgraph.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.cli.InProcessCli.Outcome;
import io.taskgraph.domain.testing.Workbooks;
import io.taskgraph.domain.testing.XlsxWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code taskgraph inspect-xlsx}: sheets, a sheet's first rows, a range; and its errors, all exit 2. */
class InspectXlsxCommandTest {
    @TempDir
    Path dir;

    private final InProcessCli cli = new InProcessCli();

    @BeforeEach
    void copyWorkbook() {
        Workbooks.invoices(dir);
    }

    @Test
    void withoutASheetItListsEverySheetWithItsUsedRange() {
        Outcome o = cli.run(dir, "inspect-xlsx", "invoices.xlsx");

        assertEquals(0, o.exitCode(), o.err());
        assertEquals("""
                invoices.xlsx: 2 sheets
                  Invoices  A1:G6  6 rows x 7 columns
                  Notes     B2:C4  3 rows x 2 columns

                See a sheet's cells: taskgraph inspect-xlsx invoices.xlsx SHEET [RANGE such as A1:D10]
                """, o.out());
        assertEquals(List.of("workbookReader"), cli.requested, "no spec, engine or model is involved");
    }

    @Test
    void withASheetItShowsTheUsedRangeAsAnAlignedTable() {
        Outcome o = cli.run(dir, "inspect-xlsx", "invoices.xlsx", "Invoices");

        assertEquals(0, o.exitCode(), o.err());
        assertEquals("""
                Sheet Invoices of invoices.xlsx: used range A1:G6 (6 rows x 7 columns)

                  | A          | B            | C          | D      | E     | F     | G
                --+------------+--------------+------------+--------+-------+-------+------------------
                1 | invoice_id | customer     | issued_on  | amount | paid  | note  | booked_at
                2 | 1          | Acme GmbH    | 2026-01-05 | 120.5  | true  | first | 2026-01-05T09:30
                3 | 2          | Birch & Sons | 2026-01-09 | 99     | false | 42    | 2026-01-09T14:00
                4 |            |              |            |        |       |       |
                5 | 3          | Cobalt "Ltd" | 2026-02-01 |        |       |       |
                6 | 4          | Total        |            |        |       |       |
                """, o.out());
    }

    @Test
    void aSheetThatDoesNotStartAtA1IsShownFromItsFirstUsedCell() {
        Outcome o = cli.run(dir, "inspect-xlsx", "invoices.xlsx", "Notes");

        assertEquals(0, o.exitCode(), o.err());
        assertEquals("""
                Sheet Notes of invoices.xlsx: used range B2:C4 (3 rows x 2 columns)

                  | B                   | C
                --+---------------------+------
                2 | Prepared by finance |
                3 |                     |
                4 |                     | 3.25
                """, o.out());
    }

    @Test
    void withARangeItShowsThoseCells() {
        Outcome o = cli.run(dir, "inspect-xlsx", "invoices.xlsx", "Invoices", "b2:c3");

        assertEquals(0, o.exitCode(), o.err());
        assertEquals("""
                Sheet Invoices of invoices.xlsx, range B2:C3

                  | B            | C
                --+--------------+------------
                2 | Acme GmbH    | 2026-01-05
                3 | Birch & Sons | 2026-01-09
                """, o.out());
    }

    @Test
    void aLongSheetShowsItsFirstTwentyRowsAndTheRangeToSeeMore() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("n", "text"));
        for (int i = 1; i <= 44; i++) {
            rows.add(List.of(i, i == 3 ? "line one\nline two, and then a long tail that goes on and on" : "row " + i));
        }
        XlsxWriter.write(dir.resolve("big.xlsx"), Workbooks.sheets("Big Sheet", rows));

        Outcome o = cli.run(dir, "inspect-xlsx", "big.xlsx", "Big Sheet");

        assertEquals(0, o.exitCode(), o.err());
        List<String> lines = o.out().lines().toList();
        assertEquals("Sheet Big Sheet of big.xlsx: used range A1:B45 (45 rows x 2 columns)", lines.get(0));
        assertEquals(" 4 | 3  | line one line two, and then a long ta...", lines.get(7));
        assertEquals("20 | 19 | row 19", lines.get(23));
        assertEquals(26, lines.size(), o.out());
        assertEquals("Rows 1-20 of 1-45 shown; for more, give a range: taskgraph inspect-xlsx big.xlsx 'Big Sheet' A21:B40",
                lines.get(25));
    }

    @Test
    void anUnknownSheetNamesTheSheetsThereAre() {
        Outcome o = cli.run(dir, "inspect-xlsx", "invoices.xlsx", "Sales");

        assertEquals(2, o.exitCode());
        assertEquals("taskgraph: Workbook " + dir.resolve("invoices.xlsx")
                + " has no sheet named 'Sales'; its sheets are [Invoices, Notes].\n", o.err());
        assertEquals("", o.out());
    }

    @Test
    void aBadRangeSaysHowToWriteOne() {
        Outcome o = cli.run(dir, "inspect-xlsx", "invoices.xlsx", "Invoices", "1A:D");

        assertEquals(2, o.exitCode());
        assertEquals("taskgraph: '1A:D' is not a cell range; write it like A1:D20 (or one cell, like B3).\n", o.err());
    }

    @Test
    void aRangeTooLargeToPrintIsRefusedWithASmallerOne() {
        Outcome o = cli.run(dir, "inspect-xlsx", "invoices.xlsx", "Invoices", "A1:Z100000");

        assertEquals(2, o.exitCode());
        assertEquals("taskgraph: Range A1:Z100000 holds 2600000 cells; inspect at most 20000 at a time (for example "
                + "A1:Z20).\n", o.err());
    }

    @Test
    void aMissingFileIsAUsageError() {
        Outcome o = cli.run(dir, "inspect-xlsx", "missing.xlsx");

        assertEquals(2, o.exitCode());
        assertEquals("taskgraph: No such file: " + dir.resolve("missing.xlsx") + "\n", o.err());
    }

    @Test
    void aFileThatIsNotAWorkbookIsAUsageError() throws IOException {
        Files.writeString(dir.resolve("data.csv"), "a,b\n1,2\n");

        Outcome o = cli.run(dir, "inspect-xlsx", "data.csv");

        assertEquals(2, o.exitCode());
        assertTrue(o.err().startsWith("taskgraph: " + dir.resolve("data.csv") + " is not a readable .xlsx workbook ("),
                o.err());
        assertTrue(o.err().endsWith("). Old binary .xls files must be saved as .xlsx first.\n"), o.err());
    }

    @Test
    void withoutAFileItSaysWhatIsMissing() {
        Outcome o = cli.run(dir, "inspect-xlsx");

        assertEquals(2, o.exitCode());
        assertTrue(o.err().startsWith("taskgraph: Missing required parameter: 'FILE'"), o.err());
    }
}
