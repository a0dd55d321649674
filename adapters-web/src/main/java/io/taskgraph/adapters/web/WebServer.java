package io.taskgraph.adapters.web;

import io.javalin.Javalin;
import io.taskgraph.adapters.web.http.HostGuard;
import io.taskgraph.adapters.web.http.OpenStreams;
import io.taskgraph.adapters.web.http.WebApp;
import io.taskgraph.adapters.web.http.FormOptions;
import io.taskgraph.adapters.web.run.RunOutputs;
import io.taskgraph.adapters.web.run.RunService;
import io.taskgraph.adapters.web.run.RunsDirectory;
import io.taskgraph.adapters.web.run.SpecTasks;
import io.taskgraph.adapters.web.spec.BuiltinSpecs;
import io.taskgraph.adapters.web.spec.SpecCatalog;
import io.taskgraph.adapters.web.spec.WorkspaceSpecs;
import io.taskgraph.application.discovery.DiscoveredSpec;
import io.taskgraph.application.discovery.SpecDiscovery;
import io.taskgraph.domain.UsageException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The web app, running: {@code taskgraph serve} calls {@link #start(WebConfig, WebServices)} with what the composition
 * root wired and keeps the returned server until it should stop. This class wires the web module's own parts (spec
 * catalog, runs, HTTP routes); it constructs no adapter of another module.
 */
public final class WebServer implements AutoCloseable {
    /** How long a stopping server waits for open event streams to deliver their runs' last events. */
    static final Duration STREAM_DRAIN = Duration.ofSeconds(3);

    private final Javalin app;
    private final RunService runs;
    private final OpenStreams streams;
    private final RunsDirectory runsDirectory;
    private final String host;

    private WebServer(Javalin app, RunService runs, OpenStreams streams, RunsDirectory runsDirectory, String host) {
        this.app = app;
        this.runs = runs;
        this.streams = streams;
        this.runsDirectory = runsDirectory;
        this.host = host;
    }

    /** Starts the server; returns once it listens. A port that cannot be bound is a {@link UsageException}. */
    public static WebServer start(WebConfig config, WebServices services) {
        RunsDirectory runsDirectory = RunsDirectory.open(config.runsDirectory());
        SpecCatalog catalog = catalog(config);
        RunOutputs outputs = new RunOutputs(services.workspaces());
        SpecTasks tasks = new SpecTasks(catalog, services.specs());
        RunService runs = new RunService(catalog, tasks, services.runs(), outputs, runsDirectory.path(),
                config.maxConcurrentRuns(), config.keepRuns(), Clock.systemUTC());
        OpenStreams streams = new OpenStreams();
        Javalin app = WebApp.create(catalog, tasks, runs, outputs, services.reports(), new FormOptions(config.defaultModel(),
                config.uploadLimits(), config.keepRuns(), config.replay()), streams,
                new HostGuard(config.host(), config.allowedHosts()));
        try {
            app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            runs.close();
            runsDirectory.removeIfTemporary();
            if (causedByBind(e)) {
                throw new UsageException("Cannot listen on " + config.host() + ":" + config.port() + ": the port is "
                        + "in use or the address is not this machine's. Pick another with --port (or --host).", e);
            }
            throw e;
        }
        return new WebServer(app, runs, streams, runsDirectory, config.host());
    }

    /** Every spec of the working directory and the built-in examples, or the one spec the configuration names. */
    private static SpecCatalog catalog(WebConfig config) {
        WorkspaceSpecs workspace = new WorkspaceSpecs(config.workingDirectory());
        return config.onlySpec().map(module -> SpecCatalog.only(workspace, module))
                .orElseGet(() -> new SpecCatalog(BuiltinSpecs.fromClasspath(), workspace,
                        () -> projectSpec(config.workingDirectory())));
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || t instanceof io.javalin.util.JavalinBindException) {
                return true;
            }
        }
        return false;
    }

    /** The module the CLI would run here without --spec, so the page lists it first. */
    private static Optional<String> projectSpec(Path workingDirectory) {
        try {
            return SpecDiscovery.discover(workingDirectory).map(DiscoveredSpec::module);
        } catch (UsageException e) {
            return Optional.empty(); // a broken pyproject setting is the CLI's to report; specs/ still lists
        }
    }

    /** The port the server listens on (the chosen one when the configuration asked for 0). */
    public int port() {
        return app.port();
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8000/}. */
    public URI url() {
        boolean anyInterface = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        String shown = anyInterface ? WebConfig.DEFAULT_HOST : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + port() + "/");
    }

    /** Where the runs' folders are (each holds its uploads, output.db and exports). */
    public Path runsDirectory() {
        return runsDirectory.path();
    }

    /** True when the runs directory is a temporary one, removed when the server stops. */
    public boolean runsDirectoryIsTemporary() {
        return runsDirectory.temporary();
    }

    /**
     * Stops the runs still going (they end as interrupted), lets connected pages receive their last events,
     * stops the HTTP server, and removes the runs directory unless it was chosen ({@link WebConfig#runsDirectory()}).
     */
    public void stop() {
        runs.close();
        try {
            streams.awaitNone(STREAM_DRAIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
        runsDirectory.removeIfTemporary();
    }

    @Override
    public void close() {
        stop();
    }
}
