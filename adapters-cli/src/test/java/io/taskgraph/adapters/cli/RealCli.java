package io.taskgraph.adapters.cli;

import io.taskgraph.adapters.cli.progress.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The CLI in the test JVM on the real adapters (python3, DuckDB, OpenRouter client), on a plain terminal, with an
 * environment holding only what the test gives it (plus $PATH, and $TASKGRAPH_PYTHON when the machine sets one).
 */
final class RealCli {
    record Outcome(int exitCode, String out, String err) {
        String all() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private RealCli() {
    }

    static Outcome run(Path workingDirectory, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> environment = new HashMap<>(env);
        for (String inherited : new String[] {"PATH", "TASKGRAPH_PYTHON"}) {
            String value = System.getenv(inherited);
            if (value != null) {
                environment.putIfAbsent(inherited, value);
            }
        }
        Cli cli = new Cli(workingDirectory, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Terminal.plain(), new ProductionAdapters(environment, workingDirectory),
                Clock.systemUTC());
        int code = TaskgraphCommand.commandLine(cli, args).execute(args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
