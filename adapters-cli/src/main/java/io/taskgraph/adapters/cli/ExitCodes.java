package io.taskgraph.adapters.cli;

/** The exit codes scripts rely on (DESIGN.md fixes 0, 1 and 2; 130 is the shell's code for Ctrl-C). */
public final class ExitCodes {
    /** All tasks passed and all exports were written (or a non-run command did its job). */
    public static final int OK = 0;
    /** The run finished but a task or an export failed (also: an internal error, reported as such). */
    public static final int FAILED = 1;
    /** Bad usage or bad input: unknown flag, spec that fails to load, cycle, missing API key, ... */
    public static final int USAGE = 2;
    /** Stopped by Ctrl-C; the workspace file is valid and records the interruption. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
