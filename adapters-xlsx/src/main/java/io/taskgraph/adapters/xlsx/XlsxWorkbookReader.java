package io.taskgraph.adapters.xlsx;

import io.taskgraph.domain.ErrorCategory;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.ColumnNames;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.Workbook;
import io.taskgraph.domain.port.WorkbookReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link WorkbookReader} on fastexcel, a streaming .xlsx reader: DuckDB's excel extension is not bundled and
 * cannot be fetched offline. A sheet becomes NDJSON with the column types read from its cells ({@link XlsxTable}),
 * which the engine reads with those types like any NDJSON source.
 */
public final class XlsxWorkbookReader implements WorkbookReader {
    @Override
    public Workbook open(Path file) {
        return XlsxWorkbook.open(file);
    }

    @Override
    public TableSource sheetAsTable(String input, TableSource workbook, Path scratchDir) {
        if (workbook.format() != SourceFormat.XLSX) {
            throw new IllegalArgumentException("input '" + input + "' is " + workbook.format() + ", not a workbook");
        }
        String failure = "Could not ingest input '" + input + "' from " + workbook.origin() + ": ";
        Path ndjson = scratchFile(input, scratchDir, failure);
        boolean written = false;
        try (XlsxWorkbook book = XlsxWorkbook.open(workbook.file())) {
            List<Column> read = XlsxTable.toNdjson(book, book.sheet(workbook.sheet()), ndjson,
                    names -> ColumnNames.requireDistinct(input, workbook.origin(), names));
            TableSource table = new TableSource(ndjson, SourceFormat.NDJSON, withDeclaredTypes(read, workbook, failure),
                    Optional.empty(), workbook.origin());
            written = true;
            return table;
        } catch (UsageException e) {
            throw new WorkspaceException(ErrorCategory.BAD_INPUT, failure + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new WorkspaceException(failure + "cannot write the sheet's rows to " + ndjson + " (" + e.getMessage()
                    + "); check that the temp directory (java.io.tmpdir) is writable and has room.", e);
        } finally {
            if (!written) {
                deleteQuietly(ndjson);
            }
        }
    }

    /** The columns read from the sheet, each with its declared type when {@code workbook} declares one. */
    private static List<Column> withDeclaredTypes(List<Column> read, TableSource workbook, String failure) {
        Map<String, String> declared = new LinkedHashMap<>();
        workbook.columns().forEach(c -> declared.put(c.name(), c.sqlType()));
        List<Column> columns = new ArrayList<>();
        for (Column column : read) {
            String type = declared.remove(column.name());
            columns.add(type == null ? column : new Column(column.name(), type));
        }
        if (!declared.isEmpty()) {
            throw new WorkspaceException(ErrorCategory.BAD_INPUT, failure + "the sheet has no column "
                    + String.join(", ", declared.keySet()) + "; its header row names "
                    + read.stream().map(Column::name).toList() + ".");
        }
        return columns;
    }

    private static Path scratchFile(String input, Path scratchDir, String failure) {
        try {
            Files.createDirectories(scratchDir);
            return Files.createTempFile(scratchDir, "sheet-" + input.replaceAll("[^A-Za-z0-9_]", "_") + "-", ".ndjson");
        } catch (IOException e) {
            throw new WorkspaceException(failure + "cannot create a file for the sheet's rows in " + scratchDir + " ("
                    + e.getMessage() + "); check that the temp directory (java.io.tmpdir) is writable.", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover file in the scratch directory changes nothing about any table; the caller removes the directory
        }
    }
}
