package io.taskgraph.benchmarks;

/** One path a user runs, measured end to end against a baseline taken in the same rounds. */
interface Benchmark {
    /** The name on the command line, e.g. {@code run-sql}. */
    String name();

    /** What it measures, in one line. */
    String what();

    int defaultRounds();

    void run(Bench bench, int rounds, Report report) throws Exception;
}
