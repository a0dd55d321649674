package io.taskgraph.application.rerun;

import io.taskgraph.domain.UsageException;

/** The recorded spec module's git commit differs from the commit the spec is at now; nothing was run. */
public final class SpecCommitMismatchException extends UsageException {
    private final String recorded;
    private final String current;

    public SpecCommitMismatchException(String source, String module, String recorded, String current) {
        super("Workspace " + source + " was built from spec '" + module + "' at git commit " + recorded
                + ", but that spec is now at commit " + current + "; nothing was run. Check out " + recorded
                + " to reproduce the run, pass --spec " + module + " to rerun with the spec and its data as they are "
                + "now, or pass --ignore-commit to use the spec as it is now with the recorded data.");
        this.recorded = recorded;
        this.current = current;
    }

    public String recorded() {
        return recorded;
    }

    public String current() {
        return current;
    }
}
