package io.taskgraph.domain.port;

import io.taskgraph.domain.workbook.CellRange;
import io.taskgraph.domain.workbook.WorkbookSheet;
import java.nio.file.Path;
import java.util.List;

/**
 * An open workbook, read only ({@link WorkbookReader#open}). A sheet name that is not in the workbook is a
 * {@link io.taskgraph.domain.UsageException} that names the workbook and lists its sheets.
 */
public interface Workbook extends AutoCloseable {
    Path file();

    /** Every sheet, in workbook order, with its used range. */
    List<WorkbookSheet> sheets();

    /** The sheet called {@code name}, with its used range. */
    WorkbookSheet sheet(String name);

    /**
     * The text of every cell of {@code range} in sheet {@code sheet}, row by row, one text per column, as a person
     * reads the cell (see {@link WorkbookReader}); an empty cell is {@code ""}.
     */
    List<List<String>> cells(String sheet, CellRange range);

    @Override
    void close();
}
