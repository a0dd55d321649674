package io.taskgraph.adapters.duckdb;

/**
 * The layers of the read sandbox that run on top of DuckDB's disabled external access. All are on in
 * production; tests switch single layers off to prove that the others still hold on their own.
 */
public enum SandboxLayer {
    /** Each statement's queries (a view's and a macro's body too), parsed by DuckDB and judged before it runs. */
    STATEMENT_READS,
    /** The definitions DuckDB stored for a created or replaced view or macro, judged again before commit. */
    STORED_DEFINITIONS,
    /** The views depending on a changed name, bound again before commit with external access off. */
    REBIND_DEPENDENTS
}
