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
        Path workingDirectory = Path.of("").toAbsolutePath();
        Adapters adapters = SpecPrefetch.wrap(new ProductionAdapters(), args, workingDirectory, environment);
        Cli cli = new Cli(workingDirectory, environment, System.out, System.err, Terminal.detect(environment),
                adapters, Clock.systemUTC());
        System.exit(execute(cli, args));
    }

    /** Runs one command line; a plain {@code show} line skips picocli (see {@link QuickShow}). */
    static int execute(Cli cli, String[] args) {
        return QuickShow.run(cli, args).orElseGet(() -> TaskgraphCommand.commandLine(cli, args).execute(args));
    }
}
