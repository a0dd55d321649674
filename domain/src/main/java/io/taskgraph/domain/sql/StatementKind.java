package io.taskgraph.domain.sql;

/** The statement classes an agent may run. */
public enum StatementKind {
    /** SELECT-like: reads only (SELECT, WITH, VALUES, FROM-first, TABLE, SUMMARIZE, DESCRIBE, SHOW, EXPLAIN, PIVOT). */
    QUERY,
    CREATE_VIEW,
    CREATE_MACRO,
    DROP_VIEW,
    DROP_MACRO;

    public boolean changesCatalog() {
        return this != QUERY;
    }
}
