package io.taskgraph.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.web.WebConfig;
import io.taskgraph.adapters.web.WebServer;
import io.taskgraph.adapters.web.WebServices;
import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.port.WorkbookReader;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecPrefetchTest {
    @TempDir
    Path dir;

    private final CountingAdapters adapters = new CountingAdapters();

    @BeforeEach
    void conventionalSpec() throws IOException {
        Files.createDirectories(dir.resolve("specs"));
        Files.writeString(dir.resolve("specs/main.py"), "");
    }

    @Test
    void readsTheModuleOfSimpleShowLinesOnly() {
        assertEquals(Optional.of("specs.main"), SpecPrefetch.showModule(new String[] {"show"}, dir));
        assertEquals(Optional.of("a.b"), SpecPrefetch.showModule(new String[] {"show", "-s", "a.b", "--format", "dot"}, dir));
        assertEquals(Optional.of("a.b"), SpecPrefetch.showModule(new String[] {"show", "--format=json", "--spec=a.b"}, dir));
        assertEquals(Optional.empty(), SpecPrefetch.showModule(new String[] {"show", "--help"}, dir));
        assertEquals(Optional.empty(), SpecPrefetch.showModule(new String[] {"run", "-o", "x.db"}, dir));
        assertEquals(Optional.empty(), SpecPrefetch.showModule(new String[] {"show", "-s"}, dir));
        assertEquals(Optional.empty(), SpecPrefetch.showModule(new String[] {"show", "-s", "not a module"}, dir));
        assertEquals(Optional.empty(), SpecPrefetch.showModule(new String[0], dir));
    }

    @Test
    void theCommandGetsThePrefetchedSessionWithoutASecondLoad() {
        Adapters wrapped = SpecPrefetch.wrap(adapters, new String[] {"show"}, dir, line -> { });

        SpecSession session = wrapped.specLoader(line -> { }).open(new SpecRequest("specs.main", dir, Map.of()));

        assertSame(adapters.opened.get(0), session);
        assertEquals(1, adapters.opened.size());
    }

    @Test
    void aDifferentRequestClosesThePrefetchedSessionAndLoadsAnew() throws Exception {
        Adapters wrapped = SpecPrefetch.wrap(adapters, new String[] {"show"}, dir, line -> { });

        SpecSession session = wrapped.specLoader(line -> { }).open(new SpecRequest("other.spec", dir, Map.of()));

        for (int i = 0; i < 200 && !(adapters.opened.size() == 2 && adapters.opened.stream().anyMatch(s -> s.closed)); i++) {
            Thread.sleep(10);
        }
        assertEquals(2, adapters.opened.size());
        FakeSession prefetched = adapters.opened.stream().filter(s -> s != session).findFirst().orElseThrow();
        assertTrue(prefetched.closed, "the unused prefetched session is closed");
        assertTrue(!((FakeSession) session).closed, "the session the command asked for stays open");
    }

    @Test
    void aFailedPrefetchReportsTheLoadersOwnError() {
        adapters.failWith = new InvalidSpecException("Spec module 'specs.main' failed to import: SyntaxError");
        Adapters wrapped = SpecPrefetch.wrap(adapters, new String[] {"show"}, dir, line -> { });

        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> wrapped.specLoader(line -> { }).open(new SpecRequest("specs.main", dir, Map.of())));

        assertSame(adapters.failWith, e);
    }

    @Test
    void otherCommandsAreNotWrapped() {
        assertSame(adapters, SpecPrefetch.wrap(adapters, new String[] {"run", "-o", "x.db"}, dir, line -> { }));
    }

    /** Adapters whose spec loader hands out recognisable sessions (or fails as told). */
    static final class CountingAdapters implements Adapters {
        final List<FakeSession> opened = new CopyOnWriteArrayList<>();
        volatile RuntimeException failWith;

        @Override
        public SpecLoader specLoader(Consumer<String> specOutput) {
            return request -> {
                if (failWith != null) {
                    throw failWith;
                }
                FakeSession session = new FakeSession();
                opened.add(session);
                return session;
            };
        }

        @Override
        public SqlEngine sqlEngine(Optional<String> memoryLimit) {
            throw new AssertionError();
        }

        @Override
        public ClosableLlm openRouter(RunListener listener) {
            throw new AssertionError();
        }

        @Override
        public LlmClient replay(Path cassette) {
            throw new AssertionError();
        }

        @Override
        public LlmClient recording(LlmClient delegate, Path cassette) {
            throw new AssertionError();
        }

        @Override
        public WorkbookReader workbookReader() {
            throw new AssertionError();
        }

        @Override
        public WebServer webServer(WebConfig config, WebServices services) {
            throw new AssertionError();
        }
    }

    static final class FakeSession implements SpecSession {
        volatile boolean closed;

        @Override
        public WorkspaceSpec spec() {
            throw new AssertionError();
        }

        @Override
        public List<String> warnings() {
            return List.of();
        }

        @Override
        public TableSource materialize(String input, Path scratchDir, Consumer<String> warnings) {
            throw new AssertionError();
        }

        @Override
        public List<ExportResult> runExports(SqlReader workspace, Path outputDir) {
            throw new AssertionError();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
