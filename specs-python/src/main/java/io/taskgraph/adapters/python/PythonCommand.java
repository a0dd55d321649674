package io.taskgraph.adapters.python;

import io.taskgraph.domain.UsageException;

/**
 * The Python interpreter Taskgraph will run, and why that one was chosen (for messages such as
 * "Python 3.8 at ./.venv/bin/python (./.venv/bin/python in the working directory) is too old").
 */
public record PythonCommand(String executable, String reason) {
    public static final int MIN_MAJOR = 3;
    public static final int MIN_MINOR = 9;

    public String describe() {
        return executable + " (" + reason + ")";
    }

    /** Rejects a version below 3.9, given as {@code "3.11.7"}. */
    public void requireSupported(String version) {
        String[] parts = version.split("\\.");
        int major = parts.length > 0 ? parseOr(parts[0]) : 0;
        int minor = parts.length > 1 ? parseOr(parts[1]) : 0;
        if (major < MIN_MAJOR || (major == MIN_MAJOR && minor < MIN_MINOR)) {
            throw new UsageException("Python " + version + " at " + describe() + " is too old: Taskgraph needs "
                    + "Python " + MIN_MAJOR + "." + MIN_MINOR + " or newer. " + PythonSelector.HOW_TO_CHOOSE);
        }
    }

    private static int parseOr(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
