package io.taskgraph.adapters.web;

import static io.taskgraph.adapters.web.WebClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that runs for weeks stays the same size: it keeps its last {@code --keep-runs} finished runs and forgets
 * older ones with their folders. Measured in-process over the real HTTP API with fast fake runs that each hold a
 * known amount of state (their streamed console), so a leak of old runs would show in the heap after GC.
 */
class BoundedRunsTest {
    private static final int KEEP = 5;
    private static final int RUNS = 100;
    /** Each run prints 300 lines of 1,000 characters: about 0.3 MB of stream it would hold if never forgotten. */
    private static final int LINES = 300;
    private static final int LINE_LENGTH = 1000;
    /** 70 leaked runs would hold about 20 MB; forgotten ones hold nothing. */
    private static final long MAX_GROWTH_BYTES = 8L * 1024 * 1024;

    @TempDir
    Path temp;

    @Test
    void aHundredRunsKeepTheLastFewTheirFoldersAndAFlatHeap() throws Exception {
        try (FakeServer web = FakeServer.start(temp, new FakeRuns(LINES, LINE_LENGTH),
                config -> config.withKeepRuns(KEEP).withRunsDirectory(temp.resolve("runs")))) {
            List<String> ids = new ArrayList<>();
            long warm = 0;
            for (int i = 1; i <= RUNS; i++) {
                String id = web.startRun(FakeServer.SPEC);
                assertEquals("succeeded", web.awaitResult(id).get("state").asText());
                ids.add(id);
                if (i == 30) {
                    warm = heapAfterGc();
                }
            }
            awaitListed(web, KEEP);
            long end = heapAfterGc();

            assertTrue(end - warm < MAX_GROWTH_BYTES, "heap after GC grew by " + (end - warm) / 1024
                    + " KiB over the last " + (RUNS - 30) + " runs; at most " + MAX_GROWTH_BYTES / 1024 + " KiB");
            List<String> kept = ids.subList(RUNS - KEEP, RUNS);
            assertEquals(kept.stream().sorted().toList(), listedRuns(web));
            assertEquals(kept.stream().sorted().toList(), folders(web.server.runsDirectory()));

            String forgotten = ids.get(0);
            HttpResponse<String> old = web.get("/api/run/" + forgotten);
            assertEquals(404, old.statusCode());
            assertEquals("No run with id '" + forgotten + "' on this server; POST /api/run starts one (a server keeps "
                    + "its last " + KEEP + " finished runs, and forgets them all when it stops).",
                    json(old).get("error").asText());
            assertEquals(200, web.getBytes("/api/run/" + kept.get(0) + "/download/export/" + FakeRuns.EXPORT)
                    .statusCode(), "a kept run still serves its files");
        }
    }

    /** A run's thread lets go of it just after its stream ends: wait until the server has forgotten the oldest. */
    private static void awaitListed(FakeServer web, int count) throws InterruptedException {
        for (int i = 0; i < 100 && listedRuns(web).size() != count; i++) {
            Thread.sleep(100);
        }
    }

    private static List<String> listedRuns(FakeServer web) {
        List<String> ids = new ArrayList<>();
        json(web.get("/api/runs")).forEach(run -> ids.add(run.get("run_id").asText()));
        return ids.stream().sorted().toList();
    }

    private static List<String> folders(Path runs) throws Exception {
        try (Stream<Path> list = Files.list(runs)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
