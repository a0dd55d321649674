package io.taskgraph.adapters.web;

import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The real web server over real HTTP, given {@link FakeRuns} instead of the real pipeline: a working directory with
 * one spec module ({@value #SPEC}) to pick, and a client to drive it.
 */
final class FakeServer extends WebClient implements AutoCloseable {
    static final String SPEC = "specs.fake";

    final FakeRuns runs;
    final WebServer server;
    final Path workingDirectory;

    private FakeServer(FakeRuns runs, WebServer server, Path workingDirectory) {
        super(server.url());
        this.runs = runs;
        this.server = server;
        this.workingDirectory = workingDirectory;
    }

    static FakeServer start(Path dir, FakeRuns runs, UnaryOperator<WebConfig> tweak) throws IOException {
        Path work = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(work.resolve("specs"));
        Files.writeString(work.resolve("specs/fake.py"), "TASKS = []\n");
        WebConfig config = tweak.apply(WebConfig.of("127.0.0.1", 0, work));
        return new FakeServer(runs, WebServer.start(config, new WebServices(runs, NO_WORKSPACES)), work);
    }

    /** The fake runs write no workspace file, so nothing ever needs to open one. */
    static final SqlEngine NO_WORKSPACES = new SqlEngine() {
        @Override
        public Workspace create(Path file, boolean replace) {
            throw new AssertionError("the web app never creates a workspace itself");
        }

        @Override
        public Workspace copy(Path source, Path target, boolean replace) {
            throw new AssertionError("the web app never copies a workspace itself");
        }

        @Override
        public Workspace openReadOnly(Path file) {
            throw new AssertionError("fake runs write no workspace to open: " + file);
        }
    };

    @Override
    public void close() {
        server.stop();
    }
}
