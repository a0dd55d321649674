package io.taskgraph.domain.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Workbooks for tests: a real one saved by a spreadsheet library, and the sheets {@link XlsxWriter} writes. */
public final class Workbooks {
    private Workbooks() {
    }

    /**
     * Copies {@code invoices.xlsx} into {@code dir} as {@code name} and returns its path. Sheet {@code Invoices}
     * (used range A1:G6) has the header {@code invoice_id, customer, issued_on, amount, paid, note, booked_at} and
     * rows {@code 1, Acme GmbH, 2026-01-05, 120.5, TRUE, first, 2026-01-05 09:30} and
     * {@code 2, Birch & Sons, 2026-01-09, 99, FALSE, 42 (a number), 2026-01-09 14:00}, a row whose only cell is an
     * empty date cell, {@code 3, Cobalt "Ltd", 2026-02-01} and {@code 4, Total} with a formula in D6 that has no
     * computed value; dates are number cells with date formats. Sheet {@code Notes} (B2:C4) holds
     * "Prepared by finance" in B2 and 3.25 in C4.
     */
    public static Path invoices(Path dir, String name) {
        try (InputStream in = Workbooks.class.getResourceAsStream("/xlsx/invoices.xlsx")) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.copy(in, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path invoices(Path dir) {
        return invoices(dir, "invoices.xlsx");
    }

    /** Sheets for {@link XlsxWriter#write}: {@code sheets("Rates", rows, "Notes", rows)}, in that order. */
    public static Map<String, List<List<Object>>> sheets(Object... nameThenRows) {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        for (int i = 0; i < nameThenRows.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<List<Object>> rows = (List<List<Object>>) nameThenRows[i + 1];
            sheets.put((String) nameThenRows[i], rows);
        }
        return sheets;
    }
}
