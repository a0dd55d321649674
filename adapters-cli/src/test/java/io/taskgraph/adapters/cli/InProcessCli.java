package io.taskgraph.adapters.cli;

import io.taskgraph.adapters.cli.progress.Terminal;
import io.taskgraph.adapters.xlsx.XlsxWorkbookReader;
import io.taskgraph.adapters.web.WebConfig;
import io.taskgraph.adapters.web.WebServer;
import io.taskgraph.adapters.web.WebServices;
import io.taskgraph.domain.LlmException;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.WorkbookReader;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.testing.InMemorySpecLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The CLI run inside the test JVM on adapters that fail on purpose (but the workbook reader, which is real): for
 * parsing and the mapping of errors to messages and exit codes. Real runs are the end-to-end tests' job. Records
 * which adapters were asked for.
 */
final class InProcessCli implements Adapters {
    record Outcome(int exitCode, String out, String err) {
    }

    final List<String> requested = new ArrayList<>();
    Supplier<RuntimeException> specLoaderFailure = () -> new IllegalStateException("spec loader not expected");
    /** When set, the spec loader serves these in-memory modules instead of failing. */
    InMemorySpecLoader specs;
    Map<String, String> environment = Map.of();

    /** Runs {@code args} as {@code main} does (a plain show line without picocli). */
    Outcome run(Path workingDirectory, String... args) {
        return run(workingDirectory, cli -> Main.execute(cli, args));
    }

    /** Runs {@code args} through picocli whatever they are, as every line but a plain show is. */
    Outcome runThroughPicocli(Path workingDirectory, String... args) {
        return run(workingDirectory, cli -> TaskgraphCommand.commandLine(cli, args).execute(args));
    }

    private Outcome run(Path workingDirectory, java.util.function.ToIntFunction<Cli> execution) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(workingDirectory, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Terminal.plain(), this, Clock.systemUTC());
        int code = execution.applyAsInt(cli);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public SpecLoader specLoader(Consumer<String> specOutput) {
        requested.add("specLoader");
        if (specs != null) {
            return specs.forAnotherRun();
        }
        throw specLoaderFailure.get();
    }

    /** An engine that fails when a workspace is opened: none is expected in-process. */
    @Override
    public SqlEngine sqlEngine(Optional<String> memoryLimit) {
        requested.add("sqlEngine");
        return new SqlEngine() {
            @Override
            public Workspace create(Path file, boolean replace) {
                throw new AssertionError("no workspace expected: " + file);
            }

            @Override
            public Workspace copy(Path source, Path target, boolean replace) {
                throw new AssertionError("no workspace expected: " + target);
            }

            @Override
            public Workspace openReadOnly(Path file) {
                throw new AssertionError("no workspace expected: " + file);
            }
        };
    }

    @Override
    public ClosableLlm openRouter(RunListener listener) {
        requested.add("openRouter");
        throw new LlmException("No OpenRouter API key is set.", true);
    }

    @Override
    public LlmClient replay(Path cassette) {
        requested.add("replay");
        throw new LlmException("The cassette " + cassette.getFileName() + " does not exist.", true);
    }

    @Override
    public LlmClient recording(LlmClient delegate, Path cassette) {
        requested.add("recording");
        return delegate;
    }

    /** The real workbook reader: it only reads the file it is given, so inspect-xlsx runs for real in-process. */
    @Override
    public WorkbookReader workbookReader() {
        requested.add("workbookReader");
        return new XlsxWorkbookReader();
    }

    @Override
    public WebServer webServer(WebConfig config, WebServices services) {
        requested.add("webServer");
        throw new AssertionError("web server not expected");
    }
}
