package io.taskgraph.adapters.python;

import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures, not assertions (BENCHMARKS.md at the repository root): ingest of 1,000,000 rows x 6 columns from a callable returning
 * list[dict], through the loader and DuckDB reading the file, against the floor of the same python3 building
 * those rows and json.dumps-ing each. Every figure is the best of {@link #RUNS} runs, taken in turns in this one JVM.
 */
@Tag("benchmark")
class IngestBenchmark {
    private static final int ROWS = Integer.getInteger("benchmark.rows", 1_000_000);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 5);
    private static final String BUILD_ROWS = "[{\"id\": i, \"name\": \"name_%d\" % i, \"amount\": i * 1.25, "
            + "\"active\": i % 3 == 0, \"category\": (\"a\", \"b\", \"c\", \"d\")[i % 4], \"qty\": i % 97} "
            + "for i in range(" + ROWS + ")]";

    @TempDir
    Path app;
    @TempDir
    Path scratch;

    @Test
    void ingestAgainstTheJsonDumpsFloor() throws Exception {
        PythonFixtures.copyTo(app);
        String python = PythonSelector.select(app, System.getenv()).executable();
        String floorScript = """
                import json, time
                t = time.perf_counter()
                rows = %s
                out = [json.dumps(r) for r in rows]
                print(time.perf_counter() - t)
                """.formatted(BUILD_ROWS);
        // Round-robin, so that a busy moment on a shared machine slows every contender alike.
        List<Double> floors = new ArrayList<>();
        List<Double> loader = new ArrayList<>();
        List<Double> rows = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            floors.add(pythonSeconds(python, floorScript));
            loader.add(loaderSeconds(SpecRequest.of("ingest.large", app)));
            rows.add(rowNdjsonSeconds(python));
        }
        double floor = Collections.min(floors);
        double ours = Collections.min(loader);
        double rowLayout = Collections.min(rows);
        System.out.printf("%nIngest of %,d rows x 6 columns (callable returning list[dict]), best of %d, %s%n",
                ROWS, RUNS, python);
        System.out.printf("  floor: python3 builds the rows and json.dumps each    %7.3f s%n", floor);
        System.out.printf("  taskgraph loader (its own Parquet) + DuckDB read       %7.3f s   ratio %.2f%n", ours, ours / floor);
        System.out.printf("  alternative: row NDJSON (%%-formatted rows) + DuckDB   %7.3f s   ratio %.2f%n",
                rowLayout, rowLayout / floor);
        String rich = System.getenv("TASKGRAPH_TEST_PYTHON");
        if (rich != null && Files.isExecutable(Path.of(rich))) {
            SpecRequest viaPolars = new SpecRequest("ingest.large_polars", app,
                    Map.of(PythonSelector.ENV_VARIABLE, rich, "TASKGRAPH_TEST_ROWS", String.valueOf(ROWS)));
            List<Double> richFloors = new ArrayList<>();
            List<Double> polarsRuns = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                richFloors.add(pythonSeconds(rich, floorScript));
                polarsRuns.add(loaderSeconds(viaPolars));
            }
            double richFloor = Collections.min(richFloors);
            double polars = Collections.min(polarsRuns);
            System.out.printf("  with polars (%s):%n", rich);
            System.out.printf("  floor in that Python                                  %7.3f s%n", richFloor);
            System.out.printf("  pl.DataFrame(rows) -> write_parquet + DuckDB read     %7.3f s   ratio %.2f%n",
                    polars, polars / richFloor);
        } else {
            System.out.println("  polars path: not measured (set TASKGRAPH_TEST_PYTHON to a Python with polars)");
        }
    }

    private double loaderSeconds(SpecRequest request) throws Exception {
        SpecRequest sized = new SpecRequest(request.module(), request.workingDirectory(),
                merge(request.environment(), Map.of("TASKGRAPH_TEST_ROWS", String.valueOf(ROWS))));
        try (SpecSession session = PythonFixtures.loader(line -> { }).open(sized); DuckDbReader db = new DuckDbReader()) {
            long start = System.nanoTime();
            TableSource source = session.materialize("big", scratch);
            long written = System.nanoTime();
            db.ingest("big", source);
            long end = System.nanoTime();
            System.out.printf("    (%s: python %.3f s, duckdb %.3f s)%n", request.module(), (written - start) / 1e9,
                    (end - written) / 1e9);
            return (end - start) / 1e9;
        }
    }

    /** The fastest row-wise NDJSON a standard-library Python writes (no per-row Python code), read by DuckDB. */
    private double rowNdjsonSeconds(String python) throws Exception {
        Path file = scratch.resolve("rows.ndjson");
        long start = System.nanoTime();
        pythonSeconds(python, """
                import gc
                from operator import itemgetter
                gc.disable()
                rows = %s
                keys = list(rows[0])
                cols = [list(map(itemgetter(k), rows)) for k in keys]
                cols[3] = list(map({True: "true", False: "false"}.__getitem__, cols[3]))
                fmt = '{"id":%%s,"name":"%%s","amount":%%s,"active":%%s,"category":"%%s","qty":%%s}\\n'
                with open(%s, "w") as out:
                    for s in range(0, len(rows), 65536):
                        out.write("".join(map(fmt.__mod__, zip(*[c[s:s + 65536] for c in cols]))))
                print(0)
                """.formatted(BUILD_ROWS, "'" + file + "'"));
        try (DuckDbReader db = new DuckDbReader()) {
            db.execute("CREATE TABLE big AS SELECT CAST(row_number() OVER () AS INTEGER) AS _row_id, * FROM read_json('"
                    + file + "', format='newline_delimited', columns={id: 'BIGINT', name: 'VARCHAR', amount: 'DOUBLE', "
                    + "active: 'BOOLEAN', category: 'VARCHAR', qty: 'BIGINT'})");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double pythonSeconds(String python, String script) throws Exception {
        Process p = new ProcessBuilder(python, "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("benchmark script failed: " + out);
        }
        return Double.parseDouble(out);
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> merged = new java.util.HashMap<>(a);
        merged.putAll(b);
        return merged;
    }
}
