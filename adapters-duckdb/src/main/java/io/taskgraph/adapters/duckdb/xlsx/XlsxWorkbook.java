package io.taskgraph.adapters.duckdb.xlsx;

import io.taskgraph.domain.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** A read-only view of an .xlsx workbook: sheet names, used ranges and cell text. */
public final class XlsxWorkbook implements AutoCloseable {
    private final Path file;
    private final ReadableWorkbook workbook;

    private XlsxWorkbook(Path file, ReadableWorkbook workbook) {
        this.file = file;
        this.workbook = workbook;
    }

    /** Opens {@code file}; a missing file or one that is not an .xlsx workbook is a UsageException. */
    public static XlsxWorkbook open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("No such file: " + file);
        }
        try {
            return new XlsxWorkbook(file, new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false)));
        } catch (IOException | RuntimeException e) {
            throw new UsageException(file + " is not a readable .xlsx workbook (" + e.getMessage()
                    + "). Old binary .xls files must be saved as .xlsx first.", e);
        }
    }

    public List<String> sheetNames() {
        return workbook.getSheets().map(Sheet::getName).toList();
    }

    /** The sheet of that name, or the first sheet when {@code name} is empty. */
    Sheet sheet(Optional<String> name) {
        if (name.isEmpty()) {
            return workbook.getFirstSheet();
        }
        return workbook.findSheet(name.get()).orElseThrow(() -> new UsageException("Workbook " + file
                + " has no sheet named '" + name.get() + "'; its sheets are " + sheetNames() + "."));
    }

    /** Every non-empty row of a sheet as typed values (see {@link XlsxCells#value}), padded to equal width. */
    Stream<Row> rows(Sheet sheet) {
        try {
            return sheet.openStream();
        } catch (IOException e) {
            throw new UsageException("Cannot read sheet '" + sheet.getName() + "' of " + file + ": " + e.getMessage(), e);
        }
    }

    /** The used range of a sheet as an A1 reference (e.g. {@code A1:F120}), or empty for an empty sheet. */
    public String dimension(String sheetName) {
        Sheet sheet = sheet(Optional.of(sheetName));
        int[] bounds = {Integer.MAX_VALUE, 0, Integer.MAX_VALUE, 0};
        try (Stream<Row> rows = rows(sheet)) {
            rows.forEach(row -> row.forEach(cell -> {
                if (cell != null && XlsxCells.value(cell) != null) {
                    int r = row.getRowNum();
                    int c = cell.getColumnIndex();
                    bounds[0] = Math.min(bounds[0], r);
                    bounds[1] = Math.max(bounds[1], r);
                    bounds[2] = Math.min(bounds[2], c);
                    bounds[3] = Math.max(bounds[3], c);
                }
            }));
        }
        if (bounds[1] == 0) {
            return "";
        }
        return CellRange.columnName(bounds[2]) + bounds[0] + ":" + CellRange.columnName(bounds[3]) + bounds[1];
    }

    /** The text of every cell in {@code range} of a sheet, row by row (empty cells as ""). */
    public List<List<String>> cells(String sheetName, CellRange range) {
        Sheet sheet = sheet(Optional.of(sheetName));
        List<List<String>> out = new ArrayList<>();
        for (int r = range.firstRow(); r <= range.lastRow(); r++) {
            List<String> blank = new ArrayList<>();
            for (int c = range.firstColumn(); c <= range.lastColumn(); c++) {
                blank.add("");
            }
            out.add(blank);
        }
        try (Stream<Row> rows = rows(sheet)) {
            rows.filter(row -> row.getRowNum() >= range.firstRow() && row.getRowNum() <= range.lastRow())
                    .forEach(row -> row.forEach(cell -> {
                        if (cell != null && cell.getColumnIndex() >= range.firstColumn()
                                && cell.getColumnIndex() <= range.lastColumn()) {
                            out.get(row.getRowNum() - range.firstRow())
                                    .set(cell.getColumnIndex() - range.firstColumn(), XlsxCells.display(cell));
                        }
                    }));
        }
        return out;
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            // Closing a read-only zip cannot lose data; nothing to report.
        }
    }
}
