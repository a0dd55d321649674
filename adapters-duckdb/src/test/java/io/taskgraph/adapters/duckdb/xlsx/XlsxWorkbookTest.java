package io.taskgraph.adapters.duckdb.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.data.Column;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxWorkbookTest {
    @TempDir
    Path dir;

    private static Path fixture() throws URISyntaxException {
        return Path.of(XlsxWorkbookTest.class.getResource("/xlsx/invoices.xlsx").toURI());
    }

    @Test
    void listsSheetsAndTheirUsedRanges() throws Exception {
        try (XlsxWorkbook workbook = XlsxWorkbook.open(fixture())) {
            assertEquals(List.of("Invoices", "Notes"), workbook.sheetNames());
            assertEquals("A1:G6", workbook.dimension("Invoices"));
            assertEquals("B2:C4", workbook.dimension("Notes"));
        }
    }

    @Test
    void showsCellsOfARangeAsAPersonReadsThem() throws Exception {
        try (XlsxWorkbook workbook = XlsxWorkbook.open(fixture())) {
            List<List<String>> cells = workbook.cells("Invoices", CellRange.parse("A1:E3"));
            assertEquals(List.of("invoice_id", "customer", "issued_on", "amount", "paid"), cells.get(0));
            assertEquals(List.of("1", "Acme GmbH", "2026-01-05", "120.5", "true"), cells.get(1));
            assertEquals(List.of("2", "Birch & Sons", "2026-01-09", "99", "false"), cells.get(2));
        }
    }

    @Test
    void aMissingSheetNamesTheSheetsThatExist() throws Exception {
        try (XlsxWorkbook workbook = XlsxWorkbook.open(fixture())) {
            UsageException e = assertThrows(UsageException.class, () -> workbook.dimension("Sales"));
            assertTrue(e.getMessage().contains("no sheet named 'Sales'"), e.getMessage());
            assertTrue(e.getMessage().contains("[Invoices, Notes]"), e.getMessage());
        }
    }

    @Test
    void aFileThatIsNotAWorkbookIsAClearError() throws Exception {
        Path csv = Files.writeString(dir.resolve("data.xlsx"), "a,b\n1,2\n");
        UsageException e = assertThrows(UsageException.class, () -> XlsxWorkbook.open(csv));
        assertTrue(e.getMessage().contains("is not a readable .xlsx workbook"), e.getMessage());
        UsageException missing = assertThrows(UsageException.class, () -> XlsxWorkbook.open(dir.resolve("nope.xlsx")));
        assertTrue(missing.getMessage().startsWith("No such file"), missing.getMessage());
    }

    @Test
    void cellRangesParseAndRejectNonsense() {
        assertEquals(new CellRange(2, 10, 1, 3), CellRange.parse("B2:D10"));
        assertEquals(new CellRange(3, 3, 27, 27), CellRange.parse("ab3"));
        assertEquals("AB3:AB3", CellRange.parse("AB3").a1());
        UsageException e = assertThrows(UsageException.class, () -> CellRange.parse("2B"));
        assertTrue(e.getMessage().contains("write it like A1:D20"), e.getMessage());
    }

    @Test
    void aSheetBecomesTypedNdjsonThatDuckDbReadsWithTheDeclaredTypes() throws Exception {
        Path out = dir.resolve("invoices.ndjson");
        List<Column> columns = XlsxTable.toNdjson(fixture(), Optional.of("Invoices"), out);
        assertEquals(List.of(new Column("invoice_id", "BIGINT"), new Column("customer", "VARCHAR"),
                new Column("issued_on", "DATE"), new Column("amount", "DOUBLE"), new Column("paid", "BOOLEAN"),
                new Column("note", "VARCHAR"), new Column("booked_at", "TIMESTAMP")), columns);
        assertEquals(4, Files.readAllLines(out).size(), "the empty row is skipped");

        String declared = columns.stream().map(c -> "'" + c.name() + "': '" + c.sqlType() + "'")
                .collect(Collectors.joining(", ", "{", "}"));
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT invoice_id, customer, issued_on::VARCHAR, amount, paid, note, "
                     + "booked_at::VARCHAR FROM read_json('" + out + "', format='newline_delimited', columns="
                     + declared + ")")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= 7; c++) {
                    row.add(String.valueOf(rs.getObject(c)));
                }
                rows.add(String.join("|", row));
            }
            assertEquals(List.of(
                    "1|Acme GmbH|2026-01-05|120.5|true|first|2026-01-05 09:30:00",
                    "2|Birch & Sons|2026-01-09|99.0|false|42|2026-01-09 14:00:00",
                    "3|Cobalt \"Ltd\"|2026-02-01|null|null|null|null",
                    "4|Total|null|null|null|null|null"), rows);
        }
    }
}
