package io.taskgraph.domain.port;

import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import java.nio.file.Path;

/**
 * Reads Excel workbooks ({@link SourceFormat#XLSX}), which the SQL engine cannot: to look inside one before writing
 * a spec for it ({@code taskgraph inspect-xlsx}), and to turn the sheet an input names into a file the engine reads
 * natively, before the engine ingests it.
 *
 * <p>A sheet is read as one table: its first non-empty row holds the column names (a blank one is called
 * {@code column<N>}, N counting from 1), wholly empty rows are skipped, and every column gets the narrowest type that
 * holds each of its cells: whole numbers {@code BIGINT}, other numbers {@code DOUBLE}, dates {@code DATE}, dates with
 * a time {@code TIMESTAMP}, TRUE/FALSE {@code BOOLEAN}, text or a mixture {@code VARCHAR}; a formula gives its last
 * computed value. Cells are shown as a person reads them: dates in ISO form, numbers without trailing zeros.
 *
 * <p>Stateless and safe to share between threads; a {@link Workbook} is used by one thread and must be closed.
 */
public interface WorkbookReader {
    /**
     * Opens {@code file} for looking inside it. A missing file, or one that is not a readable .xlsx workbook, is a
     * {@link io.taskgraph.domain.UsageException} naming the file.
     */
    Workbook open(Path file);

    /**
     * Writes the sheet {@code workbook.sheet()} (the first sheet when empty) of the workbook
     * {@code workbook.file()}, an XLSX source of input {@code input}, under {@code scratchDir} as a file the engine
     * reads ({@link SourceFormat.ReadBy#ENGINE}), rows in sheet order, and returns its source: every column of the
     * sheet in sheet order, typed from its cells unless {@code workbook.columns()} declares a type for it, no sheet,
     * and the same origin. Nothing is left in {@code scratchDir} when it fails.
     *
     * <p>Errors name the input and the origin: a missing or unreadable file, an unknown sheet (listing the sheets
     * there are), an empty sheet, or a declared column the sheet lacks are
     * {@link io.taskgraph.domain.WorkspaceException}s of category
     * {@link io.taskgraph.domain.ErrorCategory#BAD_INPUT}; a header naming two columns that differ only in case, or a
     * column {@code _row_id}, is the {@link io.taskgraph.domain.InvalidSpecException} of
     * {@link io.taskgraph.domain.data.ColumnNames#requireDistinct}. A source of another format is an
     * {@link IllegalArgumentException}.
     */
    TableSource sheetAsTable(String input, TableSource workbook, Path scratchDir);
}
