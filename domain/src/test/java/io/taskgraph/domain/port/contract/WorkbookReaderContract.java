package io.taskgraph.domain.port.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.ErrorCategory;
import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.Workbook;
import io.taskgraph.domain.port.WorkbookReader;
import io.taskgraph.domain.testing.Workbooks;
import io.taskgraph.domain.testing.XlsxWriter;
import io.taskgraph.domain.workbook.CellRange;
import io.taskgraph.domain.workbook.WorkbookSheet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of the {@link WorkbookReader} and {@link Workbook} ports, on real .xlsx files ({@link Workbooks}).
 * Every workbook reader's test extends this class and says how the engine reads the table files it writes.
 */
public abstract class WorkbookReaderContract {
    private static final List<Column> INVOICE_COLUMNS = List.of(new Column("invoice_id", "BIGINT"),
            new Column("customer", "VARCHAR"), new Column("issued_on", "DATE"), new Column("amount", "DOUBLE"),
            new Column("paid", "BOOLEAN"), new Column("note", "VARCHAR"), new Column("booked_at", "TIMESTAMP"));

    @TempDir
    protected Path dir;

    protected abstract WorkbookReader reader();

    /**
     * The rows the engine reads from {@code table} (a {@link WorkbookReader#sheetAsTable} result) with its columns'
     * types, in file order, each value as DuckDB's {@code CAST(value AS VARCHAR)} shows it (null for NULL).
     */
    protected abstract List<List<String>> rowsAsText(TableSource table);

    private Path scratch() {
        return dir.resolve("scratch");
    }

    private static TableSource xlsx(Path file, String sheet) {
        return new TableSource(file, SourceFormat.XLSX, List.of(), Optional.ofNullable(sheet), "file " + file.getFileName());
    }

    // ---- looking inside a workbook ----

    @Test
    void aWorkbookListsItsSheetsInOrderWithTheirUsedRanges() {
        Path book = Workbooks.invoices(dir);
        try (Workbook workbook = reader().open(book)) {
            assertEquals(book, workbook.file());
            assertEquals(List.of(new WorkbookSheet("Invoices", Optional.of(CellRange.parse("A1:G6"))),
                    new WorkbookSheet("Notes", Optional.of(CellRange.parse("B2:C4")))), workbook.sheets());
            assertEquals(new WorkbookSheet("Notes", Optional.of(CellRange.parse("B2:C4"))), workbook.sheet("Notes"));
        }
    }

    @Test
    void aSheetWithoutValuesHasNoUsedRange() {
        Path book = XlsxWriter.write(dir.resolve("blank.xlsx"), Workbooks.sheets("Blank", List.of(),
                "Data", List.of(List.of("id"), List.of(1))));
        try (Workbook workbook = reader().open(book)) {
            assertEquals(List.of(new WorkbookSheet("Blank", Optional.empty()),
                    new WorkbookSheet("Data", Optional.of(CellRange.parse("A1:A2")))), workbook.sheets());
        }
    }

    @Test
    void cellsOfARangeReadAsAPersonReadsThem() {
        try (Workbook workbook = reader().open(Workbooks.invoices(dir))) {
            assertEquals(List.of(
                    List.of("invoice_id", "customer", "issued_on", "amount", "paid", "note", "booked_at"),
                    List.of("1", "Acme GmbH", "2026-01-05", "120.5", "true", "first", "2026-01-05T09:30"),
                    List.of("2", "Birch & Sons", "2026-01-09", "99", "false", "42", "2026-01-09T14:00"),
                    List.of("", "", "", "", "", "", "")),
                    workbook.cells("Invoices", CellRange.parse("A1:G4")));
            assertEquals(List.of(List.of("", ""), List.of("", "Prepared by finance")),
                    workbook.cells("Notes", CellRange.parse("A1:B2")), "cells outside the used range are empty");
        }
    }

    @Test
    void anUnknownSheetNamesTheWorkbookAndListsItsSheets() {
        Path book = Workbooks.invoices(dir);
        String expected = "Workbook " + book + " has no sheet named 'Sales'; its sheets are [Invoices, Notes].";
        try (Workbook workbook = reader().open(book)) {
            assertEquals(expected, assertThrows(UsageException.class, () -> workbook.sheet("Sales")).getMessage());
            assertEquals(expected, assertThrows(UsageException.class,
                    () -> workbook.cells("Sales", CellRange.parse("A1"))).getMessage());
        }
    }

    @Test
    void aMissingFileIsRefusedByName() {
        Path missing = dir.resolve("nowhere.xlsx");
        assertEquals("No such file: " + missing,
                assertThrows(UsageException.class, () -> reader().open(missing)).getMessage());
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedAsUnreadable() throws IOException {
        Path csv = Files.writeString(dir.resolve("data.xlsx"), "id,name\n1,Alice\n");
        assertUnreadable(csv, assertThrows(UsageException.class, () -> reader().open(csv)).getMessage());
    }

    @Test
    void aDamagedWorkbookIsRefusedAsUnreadable() throws IOException {
        Path damaged = damaged();
        assertUnreadable(damaged, assertThrows(UsageException.class, () -> reader().open(damaged)).getMessage());
    }

    // ---- a sheet as a table ----

    @Test
    void aSheetBecomesATableTypedFromItsCellsWithItsRowsInSheetOrder() {
        Path book = Workbooks.invoices(dir);
        TableSource table = reader().sheetAsTable("invoices", xlsx(book, "Invoices"), scratch());
        assertEquals(SourceFormat.ReadBy.ENGINE, table.format().readBy());
        assertEquals(INVOICE_COLUMNS, table.columns());
        assertEquals(Optional.empty(), table.sheet());
        assertEquals("file invoices.xlsx", table.origin());
        assertTrue(table.file().startsWith(scratch()), table.file() + " is in the scratch directory");
        assertEquals(List.of(
                List.of("1", "Acme GmbH", "2026-01-05", "120.5", "true", "first", "2026-01-05 09:30:00"),
                List.of("2", "Birch & Sons", "2026-01-09", "99.0", "false", "42", "2026-01-09 14:00:00"),
                Arrays.asList("3", "Cobalt \"Ltd\"", "2026-02-01", null, null, null, null),
                Arrays.asList("4", "Total", null, null, null, null, null)), rowsAsText(table),
                "the empty row is skipped; a formula without a computed value is empty");
    }

    @Test
    void aColumnOfMixedCellsTakesTheNarrowestTypeThatHoldsThemAll() {
        Path book = XlsxWriter.write(dir.resolve("mixed.xlsx"), Workbooks.sheets("Mixed", List.of(
                List.of("whole", "number", "day", "moment", "code", "flag"),
                List.of(1, 1, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), 10, true),
                List.of(2, 2.5, LocalDate.of(2026, 3, 2), LocalDateTime.of(2026, 3, 2, 8, 15), "B-20", 1))));
        TableSource table = reader().sheetAsTable("mixed", xlsx(book, null), scratch());
        assertEquals(List.of(new Column("whole", "BIGINT"), new Column("number", "DOUBLE"), new Column("day", "DATE"),
                new Column("moment", "TIMESTAMP"), new Column("code", "VARCHAR"), new Column("flag", "VARCHAR")),
                table.columns());
        assertEquals(List.of(List.of("1", "1.0", "2026-03-01", "2026-03-01 00:00:00", "10", "true"),
                List.of("2", "2.5", "2026-03-02", "2026-03-02 08:15:00", "B-20", "1")), rowsAsText(table));
    }

    @Test
    void aFormulaGivesItsLastComputedValue() {
        Path book = XlsxWriter.write(dir.resolve("formulas.xlsx"), Workbooks.sheets("Sheet1", List.of(
                List.of("n", "doubled"), List.of(2, new XlsxWriter.Formula("A2*2", 4)),
                List.of(3, new XlsxWriter.Formula("A3*2", null)))));
        TableSource table = reader().sheetAsTable("numbers", xlsx(book, null), scratch());
        assertEquals(List.of(new Column("n", "BIGINT"), new Column("doubled", "BIGINT")), table.columns());
        assertEquals(List.of(List.of("2", "4"), Arrays.asList("3", null)), rowsAsText(table));
        try (Workbook workbook = reader().open(book)) {
            assertEquals(List.of(List.of("4"), List.of("")), workbook.cells("Sheet1", CellRange.parse("B2:B3")));
        }
    }

    @Test
    void withoutASheetTheFirstSheetIsRead() {
        TableSource table = reader().sheetAsTable("invoices", xlsx(Workbooks.invoices(dir), null), scratch());
        assertEquals(INVOICE_COLUMNS, table.columns());
        assertEquals(4, rowsAsText(table).size());
    }

    @Test
    void theNamedSheetIsReadWhenItIsNotTheFirst() {
        Path book = XlsxWriter.write(dir.resolve("book.xlsx"), Workbooks.sheets(
                "Summary", List.of(List.of("note"), List.of("see the other sheet")),
                "Rates", List.of(List.of("ccy", "rate", "active"), List.of("USD", 1, true), List.of("EUR", 0.92, false))));
        TableSource table = reader().sheetAsTable("rates", xlsx(book, "Rates"), scratch());
        assertEquals(List.of(new Column("ccy", "VARCHAR"), new Column("rate", "DOUBLE"), new Column("active", "BOOLEAN")),
                table.columns());
        assertEquals(List.of(List.of("USD", "1.0", "true"), List.of("EUR", "0.92", "false")), rowsAsText(table));
    }

    @Test
    void aSheetWithOnlyAHeaderIsATableWithItsColumnsAndNoRows() {
        Path book = XlsxWriter.write(dir.resolve("empty.xlsx"), Workbooks.sheets("Sheet1", List.of(List.of("id", "name"))));
        TableSource table = reader().sheetAsTable("people", xlsx(book, null), scratch());
        assertEquals(List.of(new Column("id", "VARCHAR"), new Column("name", "VARCHAR")), table.columns());
        assertEquals(List.of(), rowsAsText(table));
    }

    @Test
    void aBlankHeaderCellNamesItsColumnByPosition() {
        Path book = XlsxWriter.write(dir.resolve("blank-header.xlsx"), Workbooks.sheets("Sheet1", List.of(
                Arrays.asList("id", null, "name"), List.of(1, "x", "Ann"))));
        TableSource table = reader().sheetAsTable("people", xlsx(book, null), scratch());
        assertEquals(List.of(new Column("id", "BIGINT"), new Column("column2", "VARCHAR"), new Column("name", "VARCHAR")),
                table.columns());
        assertEquals(List.of(List.of("1", "x", "Ann")), rowsAsText(table));
    }

    @Test
    void declaredColumnTypesOverrideTheTypesReadFromTheCells() {
        TableSource source = new TableSource(Workbooks.invoices(dir), SourceFormat.XLSX,
                List.of(new Column("amount", "DECIMAL(10,2)"), new Column("invoice_id", "INTEGER")),
                Optional.of("Invoices"), "file invoices.xlsx");
        TableSource table = reader().sheetAsTable("invoices", source, scratch());
        assertEquals(new Column("invoice_id", "INTEGER"), table.columns().get(0), "sheet order is kept");
        assertEquals(new Column("amount", "DECIMAL(10,2)"), table.columns().get(3));
        assertEquals(List.of("1", "Acme GmbH", "2026-01-05", "120.50", "true", "first", "2026-01-05 09:30:00"),
                rowsAsText(table).get(0));
    }

    @Test
    void aDeclaredColumnTheSheetLacksNamesTheColumnsItHas() {
        TableSource source = new TableSource(Workbooks.invoices(dir), SourceFormat.XLSX,
                List.of(new Column("total", "DOUBLE")), Optional.of("Invoices"), "file invoices.xlsx");
        assertBadInput("Could not ingest input 'invoices' from file invoices.xlsx: the sheet has no column total; "
                + "its header row names [invoice_id, customer, issued_on, amount, paid, note, booked_at].",
                () -> reader().sheetAsTable("invoices", source, scratch()));
    }

    @Test
    void anUnknownSheetNamesTheInputTheFileAndTheSheetsThereAre() {
        Path book = Workbooks.invoices(dir);
        assertBadInput("Could not ingest input 'invoices' from file invoices.xlsx: Workbook " + book
                + " has no sheet named 'Sales'; its sheets are [Invoices, Notes].",
                () -> reader().sheetAsTable("invoices", xlsx(book, "Sales"), scratch()));
    }

    @Test
    void aMissingFileNamesTheInputAndThePath() {
        Path missing = dir.resolve("nowhere.xlsx");
        assertBadInput("Could not ingest input 'book' from file nowhere.xlsx: No such file: " + missing,
                () -> reader().sheetAsTable("book", xlsx(missing, null), scratch()));
    }

    @Test
    void aFileThatIsNotAWorkbookNamesTheInputAndThePath() throws IOException {
        Path csv = Files.writeString(dir.resolve("book.xlsx"), "id,name\n1,Alice\n");
        String message = assertBadInput(null, () -> reader().sheetAsTable("book", xlsx(csv, null), scratch()));
        String prefix = "Could not ingest input 'book' from file book.xlsx: ";
        assertTrue(message.startsWith(prefix), message);
        assertUnreadable(csv, message.substring(prefix.length()));
    }

    @Test
    void aDamagedWorkbookNamesTheInputAndThePath() throws IOException {
        Path damaged = damaged();
        String message = assertBadInput(null, () -> reader().sheetAsTable("book", xlsx(damaged, null), scratch()));
        String prefix = "Could not ingest input 'book' from file damaged.xlsx: ";
        assertTrue(message.startsWith(prefix), message);
        assertUnreadable(damaged, message.substring(prefix.length()));
    }

    @Test
    void anEmptySheetSaysTheFirstRowMustHoldColumnNames() {
        Path book = XlsxWriter.write(dir.resolve("blank.xlsx"), Workbooks.sheets("Blank", List.of()));
        assertBadInput("Could not ingest input 'book' from file blank.xlsx: Sheet 'Blank' of " + book
                + " is empty; the first row must hold column names.",
                () -> reader().sheetAsTable("book", xlsx(book, null), scratch()));
    }

    @Test
    void aHeaderWithNamesThatDifferOnlyInCaseIsRefusedLikeAnyInputsColumns() {
        Path book = XlsxWriter.write(dir.resolve("people.xlsx"), Workbooks.sheets("People", List.of(
                List.of("id", "Name", "name"), List.of(1, "Ann", "ann"))));
        InvalidSpecException refused = assertThrows(InvalidSpecException.class,
                () -> reader().sheetAsTable("people", xlsx(book, null), scratch()));
        assertEquals("Input 'people' (file people.xlsx) has columns whose names differ only in case: 'Name' and "
                + "'name'. DuckDB does not tell such names apart: it would rename one of them, and tasks could read the "
                + "wrong column. Rename the columns in the data (file people.xlsx) so that no two differ only in case, "
                + "and run again.", refused.getMessage());
        assertScratchIsEmpty();
    }

    @Test
    void aHeaderColumnNamedRowIdIsRefused() {
        Path book = XlsxWriter.write(dir.resolve("rows.xlsx"), Workbooks.sheets("Rows", List.of(
                List.of("_ROW_ID", "name"), List.of(7, "Ann"))));
        InvalidSpecException refused = assertThrows(InvalidSpecException.class,
                () -> reader().sheetAsTable("rows", xlsx(book, null), scratch()));
        assertTrue(refused.getMessage().startsWith("Input 'rows' (file rows.xlsx) has a column named '_ROW_ID', but "
                + "Taskgraph adds its own '_row_id'"), refused.getMessage());
        assertScratchIsEmpty();
    }

    @Test
    void aSourceThatIsNotAWorkbookIsAProgrammingError() {
        TableSource csv = new TableSource(dir.resolve("people.csv"), SourceFormat.CSV, List.of(), Optional.empty(),
                "file people.csv");
        assertThrows(IllegalArgumentException.class, () -> reader().sheetAsTable("people", csv, scratch()));
    }

    private Path damaged() throws IOException {
        byte[] whole = Files.readAllBytes(Workbooks.invoices(dir, "whole.xlsx"));
        return Files.write(dir.resolve("damaged.xlsx"), Arrays.copyOf(whole, whole.length / 2));
    }

    /** Asserts a failed conversion is bad input with {@code expected} (unless null), and left no file; its message. */
    private String assertBadInput(String expected, Executable conversion) {
        WorkspaceException e = assertThrows(WorkspaceException.class, conversion);
        if (expected != null) {
            assertEquals(expected, e.getMessage());
        }
        assertEquals(ErrorCategory.BAD_INPUT, e.category(), e.getMessage());
        assertScratchIsEmpty();
        return e.getMessage();
    }

    private void assertScratchIsEmpty() {
        if (!Files.isDirectory(scratch())) {
            return;
        }
        try (Stream<Path> files = Files.list(scratch())) {
            assertEquals(List.of(), files.toList(), "a failed conversion leaves nothing behind");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertUnreadable(Path file, String message) {
        String start = file + " is not a readable .xlsx workbook (";
        String end = "). Old binary .xls files must be saved as .xlsx first.";
        assertTrue(message.startsWith(start) && message.endsWith(end), message);
    }
}
