package io.taskgraph.adapters.cli.command;

import java.util.Optional;
import picocli.CommandLine.Option;

/** How the workspace's database runs, shared by {@code run} and {@code rerun}. */
public final class DatabaseOptions {
    @Option(names = "--memory-limit", paramLabel = "SIZE",
            description = "Most memory DuckDB may use for data, such as 4GB, 512MB or 2GiB; beyond it DuckDB spills "
                    + "to a folder beside the output (<output>.tmp, removed afterwards) or fails the statement "
                    + "(default: the JVM's heap limit, at most half of this machine's memory).")
    String memoryLimit;

    Optional<String> memoryLimit() {
        return Optional.ofNullable(memoryLimit);
    }
}
