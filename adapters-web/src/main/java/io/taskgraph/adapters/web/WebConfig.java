package io.taskgraph.adapters.web;

import io.taskgraph.adapters.web.http.UploadLimits;
import io.taskgraph.domain.UsageException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to serve the web app.
 *
 * @param host              interface to bind; {@value #DEFAULT_HOST} keeps the server private to this machine
 * @param port              port to listen on; 0 picks a free one ({@link WebServer#port()} tells which)
 * @param workingDirectory  where spec modules are discovered and imported from, and where {@code .env} is read
 * @param environment       the environment (LLM key and base URL, {@code TASKGRAPH_PYTHON}...), usually
 *                          {@code System.getenv()}
 * @param runsDirectory     where each run gets its folder; null for a fresh temporary directory
 * @param uploadLimits      size and count limits of a run's uploads
 * @param maxConcurrentRuns runs executing at once; further runs wait, queued
 * @param allowedHosts      host names the server answers to besides its own addresses ({@code --allowed-host})
 */
public record WebConfig(String host, int port, Path workingDirectory, Map<String, String> environment,
                        Path runsDirectory, UploadLimits uploadLimits, int maxConcurrentRuns,
                        List<String> allowedHosts) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;
    public static final int DEFAULT_CONCURRENT_RUNS = 4;

    public WebConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(uploadLimits, "uploadLimits");
        if (host.isBlank()) {
            throw new IllegalArgumentException("The host to bind must not be empty; use " + DEFAULT_HOST + ".");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " is not a TCP port; use 1-65535, or 0 for any free port.");
        }
        if (maxConcurrentRuns < 1) {
            throw new IllegalArgumentException("At least one run must be able to execute at a time.");
        }
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        allowedHosts = List.copyOf(allowedHosts);
        for (String name : allowedHosts) {
            if (name.isBlank() || name.contains("/") || name.contains("*") || name.chars().anyMatch(Character::isWhitespace)) {
                throw new UsageException("--allowed-host '" + name + "' is not a host name; give the name "
                        + "exactly as it appears in the address bar, e.g. --allowed-host taskgraph.lan");
            }
        }
    }

    /** The usual configuration: runs in a temporary directory, default limits. */
    public static WebConfig of(String host, int port, Path workingDirectory, Map<String, String> environment) {
        return new WebConfig(host, port, workingDirectory, environment, null, UploadLimits.DEFAULT,
                DEFAULT_CONCURRENT_RUNS, List.of());
    }

    public WebConfig withRunsDirectory(Path directory) {
        return new WebConfig(host, port, workingDirectory, environment, directory, uploadLimits, maxConcurrentRuns,
                allowedHosts);
    }

    public WebConfig withUploadLimits(UploadLimits limits) {
        return new WebConfig(host, port, workingDirectory, environment, runsDirectory, limits, maxConcurrentRuns,
                allowedHosts);
    }

    public WebConfig withMaxConcurrentRuns(int runs) {
        return new WebConfig(host, port, workingDirectory, environment, runsDirectory, uploadLimits, runs,
                allowedHosts);
    }

    /** Also answers to these host names (a name on the network, a reverse proxy's), at any port. */
    public WebConfig withAllowedHosts(List<String> names) {
        return new WebConfig(host, port, workingDirectory, environment, runsDirectory, uploadLimits, maxConcurrentRuns,
                names);
    }
}
