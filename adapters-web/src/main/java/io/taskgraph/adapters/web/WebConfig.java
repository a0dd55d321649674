package io.taskgraph.adapters.web;

import io.taskgraph.adapters.web.http.UploadLimits;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.run.RunDefaults;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to serve the web app. What it runs comes separately, from the composition root ({@link WebServices}). Settings
 * a user typed (host, port, runs kept) that cannot work are a {@link UsageException} saying what to use instead.
 *
 * @param host              interface to bind; {@value #DEFAULT_HOST} keeps the server private to this machine
 * @param port              port to listen on; 0 picks a free one ({@link WebServer#port()} tells which)
 * @param workingDirectory  where spec modules are discovered and imported from
 * @param runsDirectory     where each run gets its folder, kept when the server stops; empty for a fresh temporary
 *                          directory that is removed when the server stops
 * @param uploadLimits      size and count limits of a run's uploads
 * @param maxConcurrentRuns runs executing at once; further runs wait, queued
 * @param keepRuns          finished runs kept (state and folder); older ones are forgotten and their folders deleted
 * @param onlySpec          when present, the one spec module (of the working directory) the page offers
 * @param defaultModel      the model the form proposes
 * @param replay            when present, the model's answers are replayed from a recording: the page says so
 *                          with this notice
 * @param allowedHosts      host names the server answers to besides its own addresses ({@code --allowed-host})
 */
public record WebConfig(String host, int port, Path workingDirectory, Optional<Path> runsDirectory,
                        UploadLimits uploadLimits, int maxConcurrentRuns, int keepRuns, Optional<String> onlySpec,
                        String defaultModel, Optional<String> replay, List<String> allowedHosts) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;
    public static final int DEFAULT_CONCURRENT_RUNS = 4;
    public static final int DEFAULT_KEEP_RUNS = 20;

    public WebConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(runsDirectory, "runsDirectory");
        Objects.requireNonNull(uploadLimits, "uploadLimits");
        Objects.requireNonNull(onlySpec, "onlySpec");
        Objects.requireNonNull(defaultModel, "defaultModel");
        Objects.requireNonNull(replay, "replay");
        if (host.isBlank()) {
            throw new UsageException("The host to bind must not be empty; use " + DEFAULT_HOST + ".");
        }
        if (port < 0 || port > 65535) {
            throw new UsageException("Port " + port + " is not a TCP port; use 1-65535, or 0 for any free port.");
        }
        if (maxConcurrentRuns < 1) {
            throw new IllegalArgumentException("At least one run must be able to execute at a time.");
        }
        if (keepRuns < 1) {
            throw new UsageException("--keep-runs must be at least 1 (got " + keepRuns + "): a finished "
                    + "run must stay long enough to download its results.");
        }
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        runsDirectory = runsDirectory.map(dir -> dir.toAbsolutePath().normalize());
        allowedHosts = List.copyOf(allowedHosts);
        for (String name : allowedHosts) {
            if (name.isBlank() || name.contains("/") || name.contains("*")
                    || name.chars().anyMatch(Character::isWhitespace)) {
                throw new UsageException("--allowed-host '" + name + "' is not a host name; give the name "
                        + "exactly as it appears in the address bar, e.g. --allowed-host taskgraph.lan");
            }
        }
    }

    /** The usual configuration: runs in a temporary directory, default limits, every spec, the default model. */
    public static WebConfig of(String host, int port, Path workingDirectory) {
        return new WebConfig(host, port, workingDirectory, Optional.empty(), UploadLimits.DEFAULT,
                DEFAULT_CONCURRENT_RUNS, DEFAULT_KEEP_RUNS, Optional.empty(), RunDefaults.MODEL, Optional.empty(),
                List.of());
    }

    /** Specs discovered in and imported from {@code directory}. */
    public WebConfig withWorkingDirectory(Path directory) {
        return new WebConfig(host, port, directory, runsDirectory, uploadLimits, maxConcurrentRuns, keepRuns, onlySpec,
                defaultModel, replay, allowedHosts);
    }

    /** Runs in {@code directory}, which the server keeps when it stops. */
    public WebConfig withRunsDirectory(Path directory) {
        return new WebConfig(host, port, workingDirectory, Optional.of(directory), uploadLimits, maxConcurrentRuns,
                keepRuns, onlySpec, defaultModel, replay, allowedHosts);
    }

    public WebConfig withUploadLimits(UploadLimits limits) {
        return new WebConfig(host, port, workingDirectory, runsDirectory, limits, maxConcurrentRuns, keepRuns,
                onlySpec, defaultModel, replay, allowedHosts);
    }

    public WebConfig withMaxConcurrentRuns(int runs) {
        return new WebConfig(host, port, workingDirectory, runsDirectory, uploadLimits, runs, keepRuns, onlySpec,
                defaultModel, replay, allowedHosts);
    }

    public WebConfig withKeepRuns(int runs) {
        return new WebConfig(host, port, workingDirectory, runsDirectory, uploadLimits, maxConcurrentRuns, runs,
                onlySpec, defaultModel, replay, allowedHosts);
    }

    /** Offers only {@code module}, a spec module of the working directory (the demo's spec). */
    public WebConfig withOnlySpec(String module) {
        return new WebConfig(host, port, workingDirectory, runsDirectory, uploadLimits, maxConcurrentRuns, keepRuns,
                Optional.of(module), defaultModel, replay, allowedHosts);
    }

    public WebConfig withDefaultModel(String model) {
        return new WebConfig(host, port, workingDirectory, runsDirectory, uploadLimits, maxConcurrentRuns, keepRuns,
                onlySpec, model, replay, allowedHosts);
    }

    /** Says on the page, with {@code notice}, that the model's answers are replayed from a recording. */
    public WebConfig withReplay(String notice) {
        return new WebConfig(host, port, workingDirectory, runsDirectory, uploadLimits, maxConcurrentRuns, keepRuns,
                onlySpec, defaultModel, Optional.of(notice), allowedHosts);
    }

    /** Also answers to these host names (a name on the network, a reverse proxy's), at any port. */
    public WebConfig withAllowedHosts(List<String> names) {
        return new WebConfig(host, port, workingDirectory, runsDirectory, uploadLimits, maxConcurrentRuns, keepRuns,
                onlySpec, defaultModel, replay, names);
    }
}
