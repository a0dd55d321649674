package io.taskgraph.benchmarks;

import java.nio.file.Path;

/**
 * A 5,000,000-row ingest with a 256 MB heap ({@code JAVA_OPTS=-Xmx256m}): it must pass, and the JVM's peak
 * resident memory (the kernel's VmHWM, heap and native memory such as DuckDB's buffers alike) stay at most 400 MB.
 * The Python bridge's peak is printed beside it (it holds the user's rows, which is the spec's own cost).
 */
final class IngestMemoryBenchmark implements Benchmark {
    static final int ROWS = 5_000_000;
    static final long LIMIT_MB = 400;

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String what() {
        return "5,000,000-row ingest with -Xmx256m: passes, peak RSS of the JVM";
    }

    @Override
    public int defaultRounds() {
        return 1;
    }

    @Override
    public void run(Bench bench, int rounds, Report report) throws Exception {
        Path app = bench.app("memory", "bench_ingest.py");
        report.title(name(), what(), rounds);
        Samples wall = new Samples();
        Samples jvm = new Samples();
        Samples python = new Samples();
        boolean passed = true;
        for (int round = 0; round < rounds; round++) {
            Command.Outcome outcome = bench.taskgraph(app, "run", "--spec", "bench_ingest", "-o", "memory.db", "-f")
                    .env("BENCH_ROWS", Integer.toString(ROWS))
                    .env("JAVA_OPTS", ("-Xmx256m " + bench.javaOpts()).strip())
                    .sampleMemory().run();
            if (outcome.exitCode() != 0) {
                passed = false;
                report.note("run failed, exit " + outcome.exitCode() + ": " + outcome.err().strip());
            }
            wall.add(outcome.seconds());
            jvm.add(outcome.peakRssKb() / 1024.0);
            python.add(outcome.childPeakRssKb() / 1024.0);
        }
        report.figure("wall", wall, "%.1f", "s");
        report.figure("peak RSS of the Python bridge (holds the spec's rows)", python, "%.0f", "MB");
        report.verdict("peak RSS of the JVM" + (passed ? "" : " (a run FAILED)"), jvm, "%.0f", "<= " + LIMIT_MB + " MB",
                passed && jvm.median() <= LIMIT_MB);
        report.end();
    }
}
