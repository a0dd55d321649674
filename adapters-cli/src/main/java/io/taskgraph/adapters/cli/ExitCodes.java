package io.taskgraph.adapters.cli;

/**
 * The exit codes scripts rely on, as the README's "Exit codes" paragraph documents them (130 is the shell's code
 * for Ctrl-C). Which errors give 1 and which 2 is decided by their category, in {@link ErrorReporter}.
 */
public final class ExitCodes {
    /** All tasks passed and all exports were written (or a non-run command did its job). */
    public static final int OK = 0;
    /** The run finished but a task or an export failed (also: the model server failed, or an internal error). */
    public static final int FAILED = 1;
    /** Bad usage, bad input or set-up the user can fix: unknown flag, spec that fails to load, missing API key... */
    public static final int USAGE = 2;
    /** Stopped by Ctrl-C; the workspace file is valid and records the interruption. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
