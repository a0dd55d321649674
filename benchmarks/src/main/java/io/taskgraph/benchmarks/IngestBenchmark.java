package io.taskgraph.benchmarks;

import java.nio.file.Path;

/**
 * Ingesting 1,000,000 {@code list[dict]} rows x 6 columns from a spec callable: wall(run 1M) minus wall(run 10
 * rows), over python3's own floor for the same rows (build them and {@code json.dumps} each to a file).
 */
final class IngestBenchmark implements Benchmark {
    static final int ROWS = 1_000_000;

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String what() {
        return "1,000,000 list[dict] rows x 6 columns from a callable, over python3 building + json.dumps-ing them";
    }

    @Override
    public int defaultRounds() {
        return 3;
    }

    @Override
    public void run(Bench bench, int rounds, Report report) throws Exception {
        Path app = bench.app("ingest", "bench_ingest.py", "ingest_floor.py");
        report.title(name(), what(), rounds);
        Samples floor = new Samples();
        Samples small = new Samples();
        Samples large = new Samples();
        Samples ratio = new Samples();
        for (int round = 0; round < rounds + 1; round++) {
            double f = bench.python(app, "ingest_floor.py", bench.scratch().resolve("floor.jsonl").toString())
                    .env("BENCH_ROWS", Integer.toString(ROWS)).run().requireSuccess("the python floor").seconds();
            double s = bench.taskgraph(app, "run", "--spec", "bench_ingest", "-o", "small.db", "-f")
                    .env("BENCH_ROWS", "10").run().requireSuccess("taskgraph run, 10 rows").seconds();
            double l = bench.taskgraph(app, "run", "--spec", "bench_ingest", "-o", "large.db", "-f")
                    .env("BENCH_ROWS", Integer.toString(ROWS)).run().requireSuccess("taskgraph run, 1M rows").seconds();
            if (round == 0) {
                continue;
            }
            floor.add(f);
            small.add(s);
            large.add(l);
            ratio.add((l - s) / f);
        }
        report.figure("floor: python3 builds the rows + json.dumps each", floor, "%.2f", "s");
        report.figure("wall, run with 10 rows", small, "%.2f", "s");
        report.figure("wall, run with 1,000,000 rows", large, "%.2f", "s");
        report.verdict("(wall 1M - wall 10) / floor", ratio, "%.3f", "<= 0.40", ratio.median() <= 0.40);
        report.end();
    }
}
