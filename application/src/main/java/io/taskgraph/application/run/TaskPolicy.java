package io.taskgraph.application.run;

/** What a run does with a task whose outputs may already exist (a rerun works on a copy of a workspace). */
public enum TaskPolicy {
    /** A fresh run: build every task (agent or SQL). */
    BUILD,
    /** Rerun, validate mode: reuse a task whose outputs still pass; otherwise rebuild it from its existing views. */
    REUSE_PASSING,
    /** Rerun, review mode: every agent task reviews its existing outputs; SQL tasks run their SQL again. */
    REVIEW
}
