package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.cli.progress.Terminal;
import io.taskgraph.domain.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The rule for an output file that already exists: -f replaces it; a person at a terminal is asked; else refuse. */
final class OutputFile {
    private OutputFile() {
    }

    /** Whether {@code output} is to be replaced; throws when it exists and may not be. */
    static boolean mayReplace(Path output, String shown, boolean force, Terminal terminal) {
        if (Files.isDirectory(output)) {
            throw new UsageException("Output " + shown + " is a directory; give a file name such as "
                    + Path.of(shown).resolve("output.db") + ".");
        }
        if (!Files.exists(output)) {
            return false;
        }
        if (force) {
            return true;
        }
        if (terminal.interactive()) {
            if (terminal.confirm("Output " + shown + " already exists. Overwrite it?")) {
                return true;
            }
            throw new UsageException("Kept " + shown + " as it was; choose another -o path, or pass -f to overwrite.");
        }
        throw new UsageException("Output " + shown + " already exists; pass -f (--force) to overwrite it, "
                + "or choose another -o path.");
    }
}
