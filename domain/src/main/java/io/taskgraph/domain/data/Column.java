package io.taskgraph.domain.data;

/** A column name with its DuckDB type name (e.g. {@code BIGINT}, {@code DECIMAL(18,2)}, {@code VARCHAR[]}). */
public record Column(String name, String sqlType) {
}
