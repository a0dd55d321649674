package io.taskgraph.domain.data;

/** File formats the engine ingests natively, without rows passing through the Java heap. */
public enum SourceFormat {
    /** Newline-delimited JSON, one object per row, read with the declared column types. */
    NDJSON,
    /**
     * Column-wise NDJSON, written by the Python spec loader because Python can produce it without per-row
     * work: each line is one JSON object mapping every declared column to an array of that column's values
     * for a run of consecutive rows (all arrays on a line have the same length; lines are in source order).
     * Read it as {@code SELECT unnest(c1) AS c1, unnest(c2) AS c2, ... FROM read_json(file,
     * format='newline_delimited', columns={c1: 'T1[]', c2: 'T2[]', ...}, maximum_object_size=N)}
     * where {@code Tn} are the declared column types and N is at least the longest line (the file's size is
     * a safe bound); an empty file means no rows.
     */
    COLUMNAR_NDJSON,
    /** A JSON array of objects, or NDJSON, with types inferred by DuckDB. */
    JSON,
    PARQUET,
    CSV,
    XLSX
}
