package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.cli.Cli;
import io.taskgraph.adapters.cli.DebugHelp;
import io.taskgraph.adapters.cli.ExitCodes;
import io.taskgraph.adapters.cli.GlobalOptions;
import io.taskgraph.adapters.cli.ModelChoice;
import io.taskgraph.adapters.cli.ServedWebApp;
import io.taskgraph.adapters.cli.ServerLog;
import io.taskgraph.adapters.web.WebConfig;
import io.taskgraph.adapters.web.WebServer;
import io.taskgraph.domain.UsageException;
import java.io.PrintStream;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code taskgraph serve}: the web page and HTTP API, running what {@code run} runs: the same spec discovery, Python,
 * model settings and recording or replay, wired in the composition root ({@link ServedWebApp}). With {@code --demo} it
 * serves the bundled diamond example with its recorded answers. Ctrl-C stops it, marking unfinished runs interrupted.
 */
@Command(name = "serve", sortOptions = false, description = "Start the web interface and HTTP API.",
        footer = {"", "Examples:",
            "  taskgraph serve --port 8000      # then open http://127.0.0.1:8000/",
            "  taskgraph serve --demo           # the demo, replayed: no API key needed",
            "  taskgraph serve --llm-record session.jsonl   # keep each run's answers ...",
            "  taskgraph serve --llm-replay session.jsonl   # ... and serve them offline"})
public final class ServeCommand implements Callable<Integer>, DebugHelp {
    private final Cli cli;
    private final GlobalOptions global;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port = WebConfig.DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "HOST",
            description = "Address to bind (default: ${DEFAULT-VALUE}; other machines can reach the server only "
                    + "if you bind a public address such as 0.0.0.0).")
    String host = WebConfig.DEFAULT_HOST;

    @Option(names = "--demo",
            description = "Serve the bundled demo (the diamond example of `taskgraph demo`) with its recorded model "
                    + "answers: no API key, no network; the page says it is a replay.")
    boolean demo;

    @Option(names = "--runs-dir", paramLabel = "DIR",
            description = "Keep the runs' folders (uploads, .db, exports) in DIR, also after the server stops "
                    + "(default: a temporary folder, removed when the server stops).")
    String runsDirectory;

    @Option(names = "--keep-runs", paramLabel = "N",
            description = "Finished runs to keep, with their folders; older ones are forgotten and deleted "
                    + "(default: ${DEFAULT-VALUE}).")
    int keepRuns = WebConfig.DEFAULT_KEEP_RUNS;

    @Mixin
    CassetteOptions cassettes;

    @Option(names = "--allowed-host", paramLabel = "NAME",
            description = "Also answer requests addressed to this host name (repeatable), e.g. a name on your network "
                    + "or a reverse proxy's. Without it the server answers only to localhost, 127.0.0.1, [::1] and "
                    + "its own IP addresses, so web pages cannot reach it through DNS rebinding.")
    List<String> allowedHosts = new ArrayList<>();

    @Mixin
    HelpOption help;

    public ServeCommand(Cli cli, GlobalOptions global) {
        this.cli = cli;
        this.global = global;
    }

    @Override
    public String debugDescription() {
        return "Show stack traces on errors and the web server's own log (Jetty and Javalin: start-up, stop).";
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerLog.configure(global.debug);
        ModelChoice model = cassettes.choice(cli);
        if (demo && !(model instanceof ModelChoice.Live)) {
            throw new UsageException("--demo replays the demo's own recording, so it cannot be combined with "
                    + "--llm-record or --llm-replay.");
        }
        WebConfig settings = WebConfig.of(host, port, cli.workingDirectory()).withKeepRuns(keepRuns)
                .withAllowedHosts(allowedHosts);
        Optional<DemoBundle> bundle = demo ? Optional.of(DemoBundle.extract()) : Optional.empty();
        WebServer server;
        try {
            WebConfig config = config(settings, bundle, model);
            if (bundle.isPresent()) {
                model = new ModelChoice.Replay(bundle.get().directory().resolve(DemoBundle.CASSETTE_FILE));
            }
            server = ServedWebApp.start(cli.adapters(), cli.clock(), config, model);
        } catch (RuntimeException e) {
            bundle.ifPresent(DemoBundle::close);
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            bundle.ifPresent(DemoBundle::close);
            stopped.countDown();
        }, "taskgraph-serve-shutdown"));
        introduce(server, model, cli.out());
        stopped.await();
        return ExitCodes.OK;
    }

    /** {@code settings} with the runs folder, and for the demo or a replay what the page must offer and say. */
    private WebConfig config(WebConfig settings, Optional<DemoBundle> bundle, ModelChoice model) {
        WebConfig config = bundle.map(demoBundle -> settings.withWorkingDirectory(demoBundle.directory()))
                .orElse(settings);
        if (runsDirectory != null) {
            config = config.withRunsDirectory(cli.resolve(runsDirectory));
        }
        if (bundle.isPresent()) {
            return config.withOnlySpec(DemoBundle.SPEC).withDefaultModel(DemoCommand.MODEL).withReplay("Demo: a REPLAY "
                    + "of a recorded run of the diamond example. The agents' answers come from a recording shipped "
                    + "with taskgraph: no model is called, no API key or network is needed. Everything else is real.");
        }
        if (model instanceof ModelChoice.Replay replay) {
            return config.withReplay("REPLAY: the agents' answers come from the recording "
                    + replay.cassette().getFileName() + ": no model is called, no API key or network is needed.");
        }
        return config;
    }

    /** One line: where the page is, where its runs go, and where the model's answers come from if not a model. */
    private void introduce(WebServer server, ModelChoice model, PrintStream out) {
        String answers = demo ? ", serving the demo with its recorded model answers"
                : model instanceof ModelChoice.Replay replay ? ", replaying recorded model answers from "
                        + cassettes.replay().orElse(replay.cassette().toString()) + " (no model is called)"
                : model instanceof ModelChoice.Recording recording ? ", recording each finished run's model answers "
                        + "to " + recording.cassette()
                : "";
        out.println("Taskgraph web app on " + server.url() + " (runs in " + server.runsDirectory() + ")" + answers
                + ". Press Ctrl-C to stop.");
    }
}
