package io.taskgraph.adapters.xlsx;

import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.port.Workbook;
import io.taskgraph.domain.workbook.CellRange;
import io.taskgraph.domain.workbook.WorkbookSheet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** An .xlsx workbook opened with fastexcel: sheet names, used ranges and cell text, each sheet streamed. */
final class XlsxWorkbook implements Workbook {
    private final Path file;
    private final ReadableWorkbook workbook;

    private XlsxWorkbook(Path file, ReadableWorkbook workbook) {
        this.file = file;
        this.workbook = workbook;
    }

    /** Opens {@code file}; a missing file or one that is not an .xlsx workbook is a UsageException. */
    static XlsxWorkbook open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("No such file: " + file);
        }
        try {
            return new XlsxWorkbook(file, new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false)));
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, e);
        }
    }

    /** The error for a file fastexcel cannot read, whether it fails on opening or on reading a sheet. */
    static UsageException unreadable(Path file, Exception cause) {
        return new UsageException(file + " is not a readable .xlsx workbook (" + cause.getMessage()
                + "). Old binary .xls files must be saved as .xlsx first.", cause);
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public List<WorkbookSheet> sheets() {
        return sheetNames().stream().map(this::sheet).toList();
    }

    @Override
    public WorkbookSheet sheet(String name) {
        return new WorkbookSheet(name, usedRange(sheet(Optional.of(name))));
    }

    private List<String> sheetNames() {
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

    /**
     * Runs {@code read} over the rows of {@code sheet} (each row once, in sheet order, as stored: empty rows may
     * be missing or present); damage found while reading is the same error as a file that does not open.
     */
    <T> T readRows(Sheet sheet, Function<Stream<Row>, T> read) {
        try (Stream<Row> rows = sheet.openStream()) {
            return read.apply(rows);
        } catch (IOException | ExcelReaderException e) {
            throw unreadable(file, e);
        }
    }

    private Optional<CellRange> usedRange(Sheet sheet) {
        int[] bounds = {Integer.MAX_VALUE, 0, Integer.MAX_VALUE, 0};
        readRows(sheet, rows -> {
            rows.forEach(row -> row.forEach(cell -> {
                if (cell != null && XlsxCells.value(cell) != null) {
                    bounds[0] = Math.min(bounds[0], row.getRowNum());
                    bounds[1] = Math.max(bounds[1], row.getRowNum());
                    bounds[2] = Math.min(bounds[2], cell.getColumnIndex());
                    bounds[3] = Math.max(bounds[3], cell.getColumnIndex());
                }
            }));
            return null;
        });
        return bounds[1] == 0 ? Optional.empty() : Optional.of(new CellRange(bounds[0], bounds[1], bounds[2], bounds[3]));
    }

    @Override
    public List<List<String>> cells(String sheetName, CellRange range) {
        Sheet sheet = sheet(Optional.of(sheetName));
        List<List<String>> out = new ArrayList<>();
        for (int r = 0; r < range.rowCount(); r++) {
            out.add(new ArrayList<>(Collections.nCopies(range.columnCount(), "")));
        }
        readRows(sheet, rows -> {
            rows.filter(row -> row.getRowNum() >= range.firstRow() && row.getRowNum() <= range.lastRow())
                    .forEach(row -> row.forEach(cell -> {
                        if (cell != null && cell.getColumnIndex() >= range.firstColumn()
                                && cell.getColumnIndex() <= range.lastColumn()) {
                            out.get(row.getRowNum() - range.firstRow())
                                    .set(cell.getColumnIndex() - range.firstColumn(), XlsxCells.display(cell));
                        }
                    }));
            return null;
        });
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
