package io.taskgraph.domain.data;

/** File formats the engine ingests natively, without rows passing through the Java heap. */
public enum SourceFormat {
    /** Newline-delimited JSON, one object per row, read with the declared column types. */
    NDJSON,
    /** A JSON array of objects, or NDJSON, with types inferred by DuckDB. */
    JSON,
    PARQUET,
    CSV,
    XLSX
}
