package io.taskgraph.adapters.cli;

import io.taskgraph.adapters.cli.progress.Terminal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Entry point of the {@code taskgraph} command and the application's one composition root: the environment and the
 * working directory are read here, once, and handed to the adapters ({@link ProductionAdapters}) and the commands.
 * Every entry point, the terminal commands and the web app of {@code serve}, gets what it runs from this package.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Map<String, String> environment = System.getenv();
        Path workingDirectory = Path.of("").toAbsolutePath();
        Adapters adapters = SpecPrefetch.wrap(new ProductionAdapters(environment, workingDirectory), args,
                workingDirectory, System.err::println);
        Cli cli = new Cli(workingDirectory, environment, System.out, System.err, Terminal.detect(environment),
                adapters, Clock.systemUTC());
        System.exit(execute(cli, args));
    }

    /** Runs one command line; a plain {@code show} line skips picocli (see {@link QuickShow}). */
    static int execute(Cli cli, String[] args) {
        return QuickShow.run(cli, args).orElseGet(() -> TaskgraphCommand.commandLine(cli, args).execute(args));
    }
}
