package io.taskgraph.adapters.cli;

import io.taskgraph.adapters.cli.progress.Terminal;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What every command works with: where it runs, its environment, its streams and terminal, the adapters
 * and the clock. Passed in rather than read from globals so commands can be run in-process by tests.
 */
public record Cli(Path workingDirectory, Map<String, String> environment, PrintStream out, PrintStream err,
                  Terminal terminal, Adapters adapters, Clock clock) {
    public Cli {
        environment = Map.copyOf(environment);
    }

    /** Resolves a path the user typed against the working directory. */
    public Path resolve(String path) {
        return workingDirectory.resolve(path).normalize();
    }
}
