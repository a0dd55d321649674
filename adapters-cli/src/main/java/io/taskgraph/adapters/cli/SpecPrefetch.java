package io.taskgraph.adapters.cli;

import io.taskgraph.adapters.web.WebConfig;
import io.taskgraph.adapters.web.WebServer;
import io.taskgraph.adapters.web.WebServices;
import io.taskgraph.application.discovery.SpecDiscovery;
import io.taskgraph.domain.TaskgraphException;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.WorkbookReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Starts loading the spec for {@code taskgraph show} while picocli is still building its command model: a cold
 * JVM spends about as long in picocli as Python spends starting and importing the spec, and the two run on
 * different cores. Only a plain {@code show [-s MODULE] [--format F]} line is prefetched; anything unusual is left
 * to the normal path, and a prefetched session the command does not ask for is closed.
 */
final class SpecPrefetch implements Adapters {
    private final Adapters adapters;
    private final SpecRequest request;
    private final CompletableFuture<SpecSession> session;

    private SpecPrefetch(Adapters adapters, SpecRequest request, CompletableFuture<SpecSession> session) {
        this.adapters = adapters;
        this.request = request;
        this.session = session;
    }

    /**
     * {@code adapters}, with the spec of a {@code show} command line already loading in the background; the spec's
     * prints while it loads go to {@code specOutput}, where the command would send them.
     */
    static Adapters wrap(Adapters adapters, String[] args, Path workingDirectory, Consumer<String> specOutput) {
        Optional<String> module = showModule(args, workingDirectory);
        if (module.isEmpty()) {
            return adapters;
        }
        SpecRequest request = new SpecRequest(module.get(), workingDirectory, Map.of());
        CompletableFuture<SpecSession> session = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                session.complete(adapters.specLoader(specOutput).open(request));
            } catch (RuntimeException e) {
                session.completeExceptionally(e);
            }
        }, "taskgraph-spec-prefetch");
        loader.setDaemon(true);
        loader.start();
        return new SpecPrefetch(adapters, request, session);
    }

    /** The module a {@code show} line will load, when the line is simple enough to read without picocli. */
    static Optional<String> showModule(String[] args, Path workingDirectory) {
        Optional<ShowLine> line = ShowLine.parse(args);
        if (line.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SpecDiscovery.resolve(Optional.ofNullable(line.get().spec()), workingDirectory).module());
        } catch (TaskgraphException e) {
            return Optional.empty(); // the command reports it in its own words
        }
    }

    @Override
    public SpecLoader specLoader(Consumer<String> specOutput) {
        return asked -> {
            if (isPrefetched(asked)) {
                return take();
            }
            session.thenAccept(SpecSession::close);
            return adapters.specLoader(specOutput).open(asked);
        };
    }

    /**
     * Whether {@code asked} is the prefetched request, compared field by field: a record's generated equals is
     * bootstrapped through method handles on its first call, ~20 ms of a cold show that this comparison saves.
     */
    private boolean isPrefetched(SpecRequest asked) {
        return asked.module().equals(request.module())
                && asked.workingDirectory().equals(request.workingDirectory())
                && asked.environment().equals(request.environment());
    }

    private SpecSession take() {
        try {
            return session.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the spec", e);
        }
    }

    @Override
    public SqlEngine sqlEngine(Optional<String> memoryLimit) {
        return adapters.sqlEngine(memoryLimit);
    }

    @Override
    public ClosableLlm openRouter(RunListener listener) {
        return adapters.openRouter(listener);
    }

    @Override
    public LlmClient replay(Path cassette) {
        return adapters.replay(cassette);
    }

    @Override
    public LlmClient recording(LlmClient delegate, Path cassette) {
        return adapters.recording(delegate, cassette);
    }

    @Override
    public WorkbookReader workbookReader() {
        return adapters.workbookReader();
    }

    @Override
    public WebServer webServer(WebConfig config, WebServices services) {
        return adapters.webServer(config, services);
    }
}
