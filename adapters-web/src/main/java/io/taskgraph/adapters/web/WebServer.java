package io.taskgraph.adapters.web;

import io.javalin.Javalin;
import io.taskgraph.adapters.web.http.HostGuard;
import io.taskgraph.adapters.web.http.OpenStreams;
import io.taskgraph.adapters.web.http.WebApp;
import io.taskgraph.adapters.web.run.RunEngine;
import io.taskgraph.adapters.web.run.RunOutputs;
import io.taskgraph.adapters.web.run.RunService;
import io.taskgraph.adapters.web.spec.BuiltinSpecs;
import io.taskgraph.adapters.web.spec.SpecCatalog;
import io.taskgraph.adapters.web.spec.WorkspaceSpecs;
import io.taskgraph.application.discovery.DiscoveredSpec;
import io.taskgraph.application.discovery.SpecDiscovery;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.port.SqlEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The web app, running: {@code taskgraph serve} calls {@link #start(WebConfig)} and keeps the returned server
 * until it should stop. This class is the web module's composition root: it wires the real adapters (spec
 * loader, DuckDB, the LLM client) into the run use case and serves the HTTP API and the page.
 */
public final class WebServer implements AutoCloseable {
    /** What a server is built from; {@link #start(WebConfig)} supplies the real parts, tests may supply fakes. */
    record Parts(RunEngine engine, SqlEngine sqlEngine) {
    }

    /** How long a stopping server waits for open event streams to deliver their runs' last events. */
    static final Duration STREAM_DRAIN = Duration.ofSeconds(3);

    private final Javalin app;
    private final RunService runs;
    private final OpenStreams streams;
    private final Path runsDirectory;
    private final String host;

    private WebServer(Javalin app, RunService runs, OpenStreams streams, Path runsDirectory, String host) {
        this.app = app;
        this.runs = runs;
        this.streams = streams;
        this.runsDirectory = runsDirectory;
        this.host = host;
    }

    /** Starts the server with the real pipeline; returns once it listens. */
    public static WebServer start(WebConfig config) {
        return start(config, RealParts.of(config));
    }

    static WebServer start(WebConfig config, Parts parts) {
        Path runsDirectory = runsDirectory(config);
        SpecCatalog catalog = new SpecCatalog(BuiltinSpecs.fromClasspath(), new WorkspaceSpecs(config.workingDirectory()),
                () -> projectSpec(config.workingDirectory()));
        RunOutputs outputs = new RunOutputs(parts.sqlEngine());
        RunService runs = new RunService(catalog, parts.engine(), outputs, runsDirectory, config.maxConcurrentRuns(),
                Clock.systemUTC());
        OpenStreams streams = new OpenStreams();
        Javalin app = WebApp.create(catalog, runs, outputs, config.uploadLimits(), streams,
                new HostGuard(config.host(), config.allowedHosts()));
        try {
            app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            runs.close();
            if (causedByBind(e)) {
                throw new UsageException("Cannot listen on " + config.host() + ":" + config.port() + ": the port is "
                        + "in use or the address is not this machine's. Pick another with --port (or --host).", e);
            }
            throw e;
        }
        return new WebServer(app, runs, streams, runsDirectory, config.host());
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

    private static Path runsDirectory(WebConfig config) {
        try {
            if (config.runsDirectory() == null) {
                return Files.createTempDirectory("taskgraph-web-runs-");
            }
            return Files.createDirectories(config.runsDirectory().toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the runs directory: " + e.getMessage(), e);
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
        return runsDirectory;
    }

    /**
     * Stops the runs still going (they end as interrupted), lets connected pages receive their last events,
     * then stops the HTTP server.
     */
    public void stop() {
        runs.close();
        try {
            streams.awaitNone(STREAM_DRAIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
