package io.taskgraph.adapters.cli;

import io.taskgraph.adapters.cli.progress.Terminal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Entry point of the {@code taskgraph} command: the CLI's composition root. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Map<String, String> environment = System.getenv();
        Cli cli = new Cli(Path.of("").toAbsolutePath(), environment, System.out, System.err,
                Terminal.detect(environment), new ProductionAdapters(), Clock.systemUTC());
        System.exit(TaskgraphCommand.commandLine(cli).execute(args));
    }
}
