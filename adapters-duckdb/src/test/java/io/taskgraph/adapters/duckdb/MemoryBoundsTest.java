package io.taskgraph.adapters.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.port.TaskSession;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.sql.StatementResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The workspace's DuckDB stays within its memory limit: what grows chunk by chunk (aggregates, sorts) is held to
 * the limit, spilling beside the output or failing cleanly; what one function call would build at once is refused
 * before it runs, because nothing can interrupt that call (the issue's {@code list(range(1000000000))} ran 109 s
 * and took 22.6 GB). Peak memory is measured as this process's resident set, sampled every 5 ms.
 */
class MemoryBoundsTest {
    private static final long LIMIT = 256L * 1000 * 1000;
    /** The JVM's own growth and DuckDB's bookkeeping outside its buffer manager, measured at well under this. */
    private static final long MARGIN = 300L * 1000 * 1000;

    @TempDir
    Path dir;

    private Workspace workspace(long limit) {
        return Fixtures.ordersWorkspace(new DuckDbEngine(DuckDbSettings.defaults()
                .withMemoryLimit(new MemoryLimit(limit)).withStatementTimeout(Duration.ofSeconds(30))), dir);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "SELECT list(range(1000000000)) AS l",
        "SELECT len(range(1000000000)) AS n",
        "SELECT list_resize([1], 1000000000) AS l",
        "SELECT repeat('x', 1000000000) AS s",
        "SELECT rpad('x', 1000000000, 'y') AS s",
        "SELECT printf('%1000000000d', 1) AS s",
        "SELECT range(amount * 100000000) AS l FROM orders",
        "CREATE VIEW sales_summary AS SELECT list(range(1000000000)) AS l",
    })
    void aValueBuiltByOneFunctionCallIsRefusedAtOnceAndTakesNoMemory(String sql) {
        try (Workspace workspace = workspace(LIMIT); TaskSession session = workspace.openTaskSession("sales",
                Fixtures.SALES)) {
            Peak peak = Peak.during(() -> {
                long started = System.nanoTime();
                StatementResult result = session.execute(sql);
                long tookMs = (System.nanoTime() - started) / 1_000_000;
                assertFalse(result.success(), result.toolJson());
                assertTrue(result.error().contains("more than 10,000") || result.error().contains("written as a number"),
                        result.error());
                assertTrue(tookMs < 40_000, "refusing took " + tookMs + " ms");
            });
            assertTrue(peak.growth() < LIMIT, "the process grew by " + peak.growth() / 1_000_000 + " MB");
            assertEquals(List.of(), workspace.views());
        }
    }

    @Test
    void anAggregateThatOutgrowsTheLimitFailsCleanlyWithinTheLimit() {
        try (Workspace workspace = workspace(LIMIT); TaskSession session = workspace.openTaskSession("sales",
                Fixtures.SALES)) {
            Peak peak = Peak.during(() -> {
                StatementResult result = session.execute("SELECT len(list(i)) AS n FROM range(200000000) t(i)");
                assertFalse(result.success(), result.toolJson());
                // DuckDB says "Out of Memory Error"; its JDBC driver loses that while a result streams.
                assertTrue(result.error().startsWith("The statement failed while it ran, and DuckDB's driver did not "
                        + "pass on why") && result.error().contains("or the memory limit (aggregate or join less at "
                        + "once)"), result.error());
            });
            assertTrue(peak.growth() < LIMIT + MARGIN, "the process grew by " + peak.growth() / 1_000_000 + " MB");
            assertTrue(session.execute("SELECT sum(amount) AS total FROM orders").success(), "the session stays usable");
        }
    }

    @Test
    void aSortLargerThanTheLimitSpillsBesideTheOutputAndTheSpillFolderIsRemoved() {
        Path spill = dir.resolve("out.db.tmp");
        Object smallestMd5 = StockDuckDb.rows(null, "SELECT min(md5(CAST(i AS VARCHAR))) FROM range(6000000) t(i)")
                .get(0).get(0);
        try (Workspace workspace = workspace(LIMIT); TaskSession session = workspace.openTaskSession("sales",
                Fixtures.SALES)) {
            Peak peak = Peak.during(() -> {
                StatementResult result = session.execute("SELECT count(*) AS n, min(d) AS first FROM (SELECT i, "
                        + "md5(CAST(i AS VARCHAR)) AS d FROM range(6000000) t(i) ORDER BY d DESC)");
                assertTrue(result.success(), result.toolJson());
                assertEquals(List.of(List.of(6_000_000L, smallestMd5)), Fixtures.json(result).get("rows"));
            });
            assertTrue(peak.growth() < LIMIT + MARGIN, "the process grew by " + peak.growth() / 1_000_000 + " MB");
        }
        assertFalse(Files.exists(spill), "the spill folder is removed with the workspace");
    }

    @Test
    void theLimitIsReadFromDuckDbStyleSizesWithClearErrors() {
        assertEquals(4_000_000_000L, MemoryLimit.parse("4GB").bytes());
        assertEquals(512L << 20, MemoryLimit.parse(" 512mib ").bytes());
        assertEquals(1_500_000_000L, MemoryLimit.parse("1.5GB").bytes());
        assertEquals("--memory-limit 'lots' is not a size: write a number and a unit, such as 4GB, 512MB or 2GiB.",
                assertThrows(UsageException.class, () -> MemoryLimit.parse("lots")).getMessage());
        assertEquals("--memory-limit '4' is not a size: write a number and a unit, such as 4GB, 512MB or 2GiB.",
                assertThrows(UsageException.class, () -> MemoryLimit.parse("4")).getMessage());
        assertEquals("--memory-limit 1MB is too small: DuckDB needs at least 64MB.",
                assertThrows(UsageException.class, () -> MemoryLimit.parse("1MB")).getMessage());
        assertTrue(assertThrows(UsageException.class, () -> MemoryLimit.parse("1000TB")).getMessage()
                .startsWith("--memory-limit 1000TB is more than this machine's memory ("));
    }

    @Test
    void theDefaultFollowsTheHeapLimitUpToHalfTheMachine() {
        long gb = 1_000_000_000L;
        assertEquals(4 * gb, MemoryLimit.defaultFor(16 * gb, 4 * gb).bytes(), "a default JVM: its quarter-machine heap");
        assertEquals(256L << 20, MemoryLimit.defaultFor(16 * gb, 256L << 20).bytes(), "-Xmx256m caps DuckDB too");
        assertEquals(8 * gb, MemoryLimit.defaultFor(16 * gb, 14 * gb).bytes(), "never more than half the machine");
        assertEquals(MemoryLimit.MINIMUM, MemoryLimit.defaultFor(16 * gb, 16L << 20).bytes(), "never below the minimum");
        assertEquals(MemoryLimit.defaultFor(MemoryLimit.physicalMemory(), Runtime.getRuntime().maxMemory()),
                MemoryLimit.forThisMachine());
    }

    @Test
    void theWorkspacesDuckDbRunsWithTheLimit() {
        try (Workspace workspace = workspace(300_000_000L)) {
            assertEquals(List.of(List.of("286.1 MiB")),
                    workspace.query("SELECT current_setting('memory_limit')").rows());
        }
    }

    /** The largest resident set of this process while {@code work} ran, against the one before it. */
    private record Peak(long before, long peak) {
        long growth() {
            return peak - before;
        }

        static Peak during(Runnable work) {
            long before = residentBytes();
            AtomicLong peak = new AtomicLong(before);
            AtomicBoolean done = new AtomicBoolean();
            Thread sampler = new Thread(() -> {
                while (!done.get()) {
                    peak.accumulateAndGet(residentBytes(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            try {
                work.run();
            } finally {
                done.set(true);
                try {
                    sampler.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new Peak(before, Math.max(peak.get(), residentBytes()));
        }

        /** VmRSS from /proc/self/status (Linux, which the build runs on). */
        static long residentBytes() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalStateException("no VmRSS in /proc/self/status");
        }
    }
}
