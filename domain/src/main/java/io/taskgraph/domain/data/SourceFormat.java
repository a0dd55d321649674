package io.taskgraph.domain.data;

import java.util.List;

/**
 * The formats an input's rows may come in: each with the file suffixes a spec's data may name (none for a format
 * only the spec loader writes) and what reads it. The Python bridge keeps the same table (its
 * {@code _taskgraph_bridge/formats.py}); specs-python's {@code SourceFormatsAgreementTest} fails when they differ.
 *
 * <p>The engine reads most formats itself, so their rows never pass through the Java heap. A workbook is not one of
 * them (DuckDB cannot read XLSX offline): a {@link io.taskgraph.domain.port.WorkbookReader} streams the sheet's rows
 * through Java, one at a time, into a file the engine reads, before the engine ingests it.
 */
public enum SourceFormat {
    CSV(ReadBy.ENGINE, ".csv"),
    PARQUET(ReadBy.ENGINE, ".parquet"),
    /** A JSON array of objects, or NDJSON, with types inferred by DuckDB. */
    JSON(ReadBy.ENGINE, ".json"),
    /** Newline-delimited JSON, one object per row, read with the declared column types. */
    NDJSON(ReadBy.ENGINE, ".ndjson", ".jsonl"),
    /**
     * Column-wise NDJSON, written by the Python spec loader because Python can produce it without per-row
     * work: each line is one JSON object mapping every declared column to an array of that column's values
     * for a run of consecutive rows (all arrays on a line have the same length; lines are in source order).
     * Read it as {@code SELECT unnest(c1) AS c1, unnest(c2) AS c2, ... FROM read_json(file,
     * format='newline_delimited', columns={c1: 'T1[]', c2: 'T2[]', ...}, maximum_object_size=N)}
     * where {@code Tn} are the declared column types and N is at least the longest line (the file's size is
     * a safe bound); an empty file means no rows.
     */
    COLUMNAR_NDJSON(ReadBy.ENGINE),
    /** An Excel workbook; {@link TableSource#sheet()} chooses the worksheet (the first when empty). */
    XLSX(ReadBy.WORKBOOK_READER, ".xlsx");

    /** What turns a file of a format into an input table. */
    public enum ReadBy {
        /** The SQL engine reads the file natively. */
        ENGINE,
        /** A {@link io.taskgraph.domain.port.WorkbookReader} first writes the sheet as a file the engine reads. */
        WORKBOOK_READER
    }

    private final ReadBy readBy;
    private final List<String> fileSuffixes;

    SourceFormat(ReadBy readBy, String... fileSuffixes) {
        this.readBy = readBy;
        this.fileSuffixes = List.of(fileSuffixes);
    }

    public ReadBy readBy() {
        return readBy;
    }

    /** Lower-case suffixes, dot included, that mark a data file of this format; empty when no spec names one. */
    public List<String> fileSuffixes() {
        return fileSuffixes;
    }
}
