package io.taskgraph.adapters.xlsx;

import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Writes one worksheet as newline-delimited JSON, one object per row, and says the type of each column, so DuckDB
 * reads it with those types. The first non-empty row holds the column names. Two streaming passes (types, then
 * rows) keep memory flat for large sheets.
 */
final class XlsxTable {
    private XlsxTable() {
    }

    /**
     * Writes {@code sheet} of {@code workbook} to {@code ndjson}; returns its columns. {@code header} sees the column
     * names, as the sheet writes them, before any row is read, and may refuse them by throwing. A failure to
     * write is an {@link UncheckedIOException}.
     */
    static List<Column> toNdjson(XlsxWorkbook workbook, Sheet sheet, Path ndjson, Consumer<List<String>> header) {
        List<String> names = header(workbook, sheet);
        header.accept(names);
        List<ColumnKind> kinds = new ArrayList<>();
        names.forEach(n -> kinds.add(ColumnKind.EMPTY));
        workbook.readRows(sheet, rows -> {
            dataRows(rows).forEach(row -> {
                for (int c = 0; c < names.size(); c++) {
                    kinds.set(c, kinds.get(c).widen(XlsxCells.value(row.getOptionalCell(c).orElse(null))));
                }
            });
            return null;
        });
        workbook.readRows(sheet, rows -> {
            try (BufferedWriter out = Files.newBufferedWriter(ndjson, StandardCharsets.UTF_8)) {
                StringBuilder line = new StringBuilder();
                Iterator<Row> it = dataRows(rows).iterator();
                while (it.hasNext()) {
                    Row row = it.next();
                    line.setLength(0);
                    line.append('{');
                    for (int c = 0; c < names.size(); c++) {
                        if (c > 0) {
                            line.append(',');
                        }
                        Json.quote(names.get(c), line);
                        line.append(':');
                        Json.write(kinds.get(c).json(XlsxCells.value(row.getOptionalCell(c).orElse(null))), line);
                    }
                    out.append(line).append("}\n");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            columns.add(new Column(names.get(c), kinds.get(c).sqlType()));
        }
        return columns;
    }

    private static List<String> header(XlsxWorkbook workbook, Sheet sheet) {
        Row first = workbook.readRows(sheet, rows -> rows.filter(XlsxTable::hasValues).findFirst()).orElseThrow(
                () -> new UsageException("Sheet '" + sheet.getName() + "' of " + workbook.file()
                        + " is empty; the first row must hold column names."));
        List<String> names = new ArrayList<>();
        for (int c = 0; c < first.getCellCount(); c++) {
            String name = XlsxCells.display(first.getOptionalCell(c).orElse(null)).trim();
            names.add(name.isEmpty() ? "column" + (c + 1) : name);
        }
        return names;
    }

    /** Rows after the header, skipping wholly empty ones. */
    private static Stream<Row> dataRows(Stream<Row> rows) {
        return rows.filter(XlsxTable::hasValues).skip(1);
    }

    private static boolean hasValues(Row row) {
        for (Cell cell : row) {
            if (cell != null && XlsxCells.value(cell) != null) {
                return true;
            }
        }
        return false;
    }
}
