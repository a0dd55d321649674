package io.taskgraph.adapters.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taskgraph.adapters.duckdb.xlsx.XlsxWriter;
import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.Workspace;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XLSX inputs through the engine: the sheet is read in Java and ingested like NDJSON, with typed columns. */
class XlsxIngestionTest {
    private static final List<Column> INVOICE_COLUMNS = List.of(new Column("_row_id", "INTEGER"),
            new Column("invoice_id", "BIGINT"), new Column("customer", "VARCHAR"), new Column("issued_on", "DATE"),
            new Column("amount", "DOUBLE"), new Column("paid", "BOOLEAN"), new Column("note", "VARCHAR"),
            new Column("booked_at", "TIMESTAMP"));

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

    private static Path invoices() throws Exception {
        return Path.of(XlsxIngestionTest.class.getResource("/xlsx/invoices.xlsx").toURI());
    }

    private static TableSource xlsx(Path file, String sheet) {
        return new TableSource(file, SourceFormat.XLSX, List.of(), Optional.ofNullable(sheet), "file " + file.getFileName());
    }

    @Test
    void aSheetIngestsWithTypesReadFromItsCellsAndRowIdsInSheetOrder() throws Exception {
        assertEquals(4, workspace.ingest("invoices", xlsx(invoices(), "Invoices")));
        assertEquals(INVOICE_COLUMNS, workspace.describe("invoices").orElseThrow().columns());
        assertEquals(List.of(
                List.of(1, 1L, "Acme GmbH", "2026-01-05", 120.5, true, "first", "2026-01-05 09:30:00"),
                List.of(2, 2L, "Birch & Sons", "2026-01-09", 99.0, false, "42", "2026-01-09 14:00:00"),
                Arrays.asList(3, 3L, "Cobalt \"Ltd\"", "2026-02-01", null, null, null, null),
                Arrays.asList(4, 4L, "Total", null, null, null, null, null)),
                workspace.query("SELECT _row_id, invoice_id, customer, CAST(issued_on AS VARCHAR), amount, paid, note, "
                        + "CAST(booked_at AS VARCHAR) FROM invoices ORDER BY _row_id").rows());
        assertEquals(List.of("invoices"), workspace.inputTables());
    }

    @Test
    void withoutASheetTheFirstSheetIsRead() throws Exception {
        assertEquals(4, workspace.ingest("invoices", xlsx(invoices(), null)));
        assertEquals(INVOICE_COLUMNS, workspace.describe("invoices").orElseThrow().columns());
    }

    @Test
    void theNamedSheetIsReadWhenItIsNotTheFirst() {
        Path book = XlsxWriter.write(dir.resolve("book.xlsx"), sheets(
                "Summary", List.of(List.of("note"), List.of("see the other sheet")),
                "Rates", List.of(List.of("ccy", "rate", "active"), List.of("USD", 1, true), List.of("EUR", 0.92, false))));
        assertEquals(2, workspace.ingest("rates", xlsx(book, "Rates")));
        assertEquals(List.of(new Column("_row_id", "INTEGER"), new Column("ccy", "VARCHAR"), new Column("rate", "DOUBLE"),
                new Column("active", "BOOLEAN")), workspace.describe("rates").orElseThrow().columns());
        assertEquals(List.of(List.of(1, "USD", 1.0, true), List.of(2, "EUR", 0.92, false)),
                workspace.query("SELECT * FROM rates ORDER BY _row_id").rows());
    }

    @Test
    void aSheetWithOnlyAHeaderBecomesAnEmptyTableWithItsColumns() {
        Path book = XlsxWriter.write(dir.resolve("empty.xlsx"), sheets("Sheet1", List.of(List.of("id", "name"))));
        assertEquals(0, workspace.ingest("people", xlsx(book, null)));
        assertEquals(List.of("_row_id", "id", "name"), workspace.describe("people").orElseThrow().columnNames());
    }

    @Test
    void declaredColumnTypesOverrideTheTypesReadFromTheCells() throws Exception {
        TableSource source = new TableSource(invoices(), SourceFormat.XLSX,
                List.of(new Column("amount", "DECIMAL(10,2)"), new Column("invoice_id", "INTEGER")),
                Optional.of("Invoices"), "file invoices.xlsx");
        workspace.ingest("invoices", source);
        assertEquals(List.of(List.of(1, new BigDecimal("120.50")), List.of(2, new BigDecimal("99.00"))),
                workspace.query("SELECT invoice_id, amount FROM invoices WHERE amount IS NOT NULL ORDER BY _row_id").rows());
        assertEquals("INTEGER", workspace.describe("invoices").orElseThrow().columns().get(1).sqlType());
    }

    @Test
    void aDeclaredColumnTheSheetLacksNamesTheColumnsItHas() throws Exception {
        TableSource source = new TableSource(invoices(), SourceFormat.XLSX, List.of(new Column("total", "DOUBLE")),
                Optional.of("Invoices"), "file invoices.xlsx");
        assertEquals("Could not ingest input 'invoices' from file invoices.xlsx: the sheet has no column total; its header "
                + "row names [invoice_id, customer, issued_on, amount, paid, note, booked_at].",
                assertThrows(WorkspaceException.class, () -> workspace.ingest("invoices", source)).getMessage());
    }

    @Test
    void anUnknownSheetNamesTheInputTheFileAndTheSheetsThereAre() throws Exception {
        Path book = invoices();
        assertEquals("Could not ingest input 'invoices' from file invoices.xlsx: Workbook " + book
                + " has no sheet named 'Sales'; its sheets are [Invoices, Notes].",
                assertThrows(WorkspaceException.class, () -> workspace.ingest("invoices", xlsx(book, "Sales"))).getMessage());
    }

    @Test
    void aMissingFileNamesTheInputAndThePath() {
        Path missing = dir.resolve("nowhere.xlsx");
        assertEquals("Could not ingest input 'book' from file nowhere.xlsx: No such file: " + missing,
                assertThrows(WorkspaceException.class, () -> workspace.ingest("book", xlsx(missing, null))).getMessage());
    }

    @Test
    void aFileThatIsNotAWorkbookNamesTheInputAndThePath() throws Exception {
        Path csv = Files.writeString(dir.resolve("book.xlsx"), "id,name\n1,Alice\n");
        String message = assertThrows(WorkspaceException.class, () -> workspace.ingest("book", xlsx(csv, null))).getMessage();
        assertStartsWith("Could not ingest input 'book' from file book.xlsx: " + csv + " is not a readable .xlsx workbook (",
                message);
        assertEndsWith("). Old binary .xls files must be saved as .xlsx first.", message);
    }

    @Test
    void aDamagedWorkbookNamesTheInputAndThePath() throws Exception {
        byte[] whole = Files.readAllBytes(invoices());
        Path damaged = Files.write(dir.resolve("damaged.xlsx"), Arrays.copyOf(whole, whole.length / 2));
        String message = assertThrows(WorkspaceException.class, () -> workspace.ingest("book", xlsx(damaged, null)))
                .getMessage();
        assertStartsWith("Could not ingest input 'book' from file damaged.xlsx: " + damaged
                + " is not a readable .xlsx workbook (", message);
    }

    @Test
    void anEmptySheetSaysTheFirstRowMustHoldColumnNames() {
        Path book = XlsxWriter.write(dir.resolve("blank.xlsx"), sheets("Blank", List.of()));
        assertEquals("Could not ingest input 'book' from file blank.xlsx: Sheet 'Blank' of " + book
                + " is empty; the first row must hold column names.",
                assertThrows(WorkspaceException.class, () -> workspace.ingest("book", xlsx(book, null))).getMessage());
    }

    private static Map<String, List<List<Object>>> sheets(Object... nameThenRows) {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        for (int i = 0; i < nameThenRows.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<List<Object>> rows = (List<List<Object>>) nameThenRows[i + 1];
            sheets.put((String) nameThenRows[i], rows);
        }
        return sheets;
    }

    private static void assertStartsWith(String prefix, String actual) {
        assertEquals(prefix, actual.substring(0, Math.min(prefix.length(), actual.length())), actual);
    }

    private static void assertEndsWith(String suffix, String actual) {
        assertEquals(suffix, actual.substring(Math.max(0, actual.length() - suffix.length())), actual);
    }
}
