package io.taskgraph.adapters.web;

import io.taskgraph.application.report.RunReport;
import io.taskgraph.application.show.ShowSpec;
import io.taskgraph.application.testing.Diamond;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.testing.InMemorySpec;
import io.taskgraph.domain.testing.InMemorySpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * The real web server over real HTTP, given {@link FakeRuns} instead of the real pipeline: a working directory with
 * one spec module ({@value #SPEC}) to pick, described by an in-memory spec loader as the diamond (prep feeds sales
 * and costs, both feed report), and a client to drive it.
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
        return new FakeServer(runs, WebServer.start(config, services(runs)), work);
    }

    /** What the composition root would hand over, with {@code runs} as the run use case. */
    static WebServices services(FakeRuns runs) {
        return new WebServices(runs, NO_WORKSPACES, SPECS, new RunReport(NO_WORKSPACES, Clock.systemUTC()));
    }

    /** {@value #SPEC} as the diamond, for the page's task list and the check of a run's selection. */
    static final ShowSpec SPECS = new ShowSpec(InMemorySpecLoader.create().module(InMemorySpec.module(SPEC)
            .input("transactions", Diamond.TRANSACTION_COLUMNS, Diamond.transactions())
            .input("products", Diamond.PRODUCT_COLUMNS, Diamond.products())
            .tasks(Diamond.tasks()).build()));

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
