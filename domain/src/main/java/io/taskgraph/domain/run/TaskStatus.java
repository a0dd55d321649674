package io.taskgraph.domain.run;

/** Where a task ended up. */
public enum TaskStatus {
    /** Its outputs passed validation (after an agent or SQL produced them in this run). */
    PASSED,
    /** Rerun in validate mode: its existing views still pass, so nothing ran. */
    REUSED,
    /** Its outputs never passed: iteration or token budget spent, model error, or failing SQL. */
    FAILED,
    /** Not started because a task it depends on did not pass. */
    BLOCKED,
    /** Stopped by the user (Ctrl-C) before it finished. */
    INTERRUPTED,
    /** Left out of a run with a selection: neither selected nor needed by a selected task. Counts as neither. */
    NOT_SELECTED;

    public boolean passed() {
        return this == PASSED || this == REUSED;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
