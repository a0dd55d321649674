package io.taskgraph.adapters.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts, before or after its name: {@code taskgraph --debug run ...}. */
public final class GlobalOptions {
    @Option(names = {"--debug", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show stack traces on errors and every SQL statement in plain progress output.")
    public boolean debug;
}
