package io.taskgraph.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One task builds a view that is costly to compute, and four tasks read it: how many times a run computes that
 * view. Each round runs the spec twice, once with the costly view and once with a cheap one of the same shape,
 * and the difference in CPU is divided by one count of the costly query on a bare JDBC connection (measured in
 * the same round). The query is single-threaded inside DuckDB ({@code range()} is not split), so its CPU is its
 * time.
 *
 * <p>The readers' briefings count and sample their input: a count computes it once, a sample once and sorts what
 * passes the filter, about 2.5 counts together; the validations here stop at the first row. So a run that briefs
 * each input once computes the view about 2.5 times, whatever the number of readers, and one that briefs each
 * reader separately about 2.5 times per reader.
 */
final class FanoutBenchmark implements Benchmark {
    /** Every row's hash is needed to know whether the row is there, so even a count computes them all. */
    static final String COSTLY = "SELECT range AS k, md5(range::VARCHAR) AS v FROM range(3000000) "
            + "WHERE md5(range::VARCHAR) < '4'";
    private static final String CHEAP = "SELECT range AS k, range::VARCHAR AS v FROM range(1000)";
    static final int READERS = 4;

    @Override
    public String name() {
        return "fanout";
    }

    @Override
    public String what() {
        return "a costly view read by " + READERS + " tasks: how many times a run computes it";
    }

    @Override
    public int defaultRounds() {
        return 3;
    }

    @Override
    public void run(Bench bench, int rounds, Report report) throws Exception {
        Path app = bench.app("fanout", "bench_fanout.py");
        bench.model().script("costly_", (name, turn) -> reply(name.substring("costly_".length()), turn, COSTLY));
        bench.model().script("cheap_", (name, turn) -> reply(name.substring("cheap_".length()), turn, CHEAP));
        Path query = bench.scratch().resolve("fanout-query.sql");
        Files.writeString(query, "SELECT count(*) FROM (" + COSTLY + ")\n", StandardCharsets.UTF_8);
        report.title(name(), what(), rounds);
        Samples once = new Samples();
        Samples wall = new Samples();
        Samples computations = new Samples();
        for (int round = 0; round < rounds + 1; round++) {
            double bare = bench.bareJdbc("queries", bench.scratch().resolve("fanout-" + round + ".db").toString(),
                    query.toString()).get("seconds");
            Command.Outcome cheap = run(bench, app, "cheap");
            Command.Outcome costly = run(bench, app, "costly");
            if (round == 0) {
                continue;
            }
            once.add(bare);
            wall.add(costly.seconds() - cheap.seconds());
            computations.add((costly.cpuSeconds() - cheap.cpuSeconds()) / bare);
        }
        report.figure("baseline: the costly query once, bare JDBC", once, "%.2f", "s");
        report.figure("wall of the run, costly view - cheap view", wall, "%.2f", "s");
        report.figure("computations per run: CPU (costly - cheap) / the query once", computations, "%.1f", "");
        report.note(String.format(java.util.Locale.ROOT, "a briefing's count and sample: about 2.5 when the input is "
                + "briefed once per run, %.0f when once per reader", 2.5 * READERS));
        report.end();
    }

    private static Command.Outcome run(Bench bench, Path app, String prefix) throws Exception {
        return bench.taskgraph(app, "run", "--spec", "bench_fanout", "-o", prefix + ".db", "-f")
                .env("BENCH_PREFIX", prefix).run().requireSuccess("taskgraph run, " + prefix + " view");
    }

    /** Turn 1 builds the task's view (the upstream task's from {@code upstreamQuery}), turn 2 says it is done. */
    private static ScriptedModel.Reply reply(String task, int turn, String upstreamQuery) {
        String sql = task.equals("up") ? "CREATE OR REPLACE VIEW up_out AS " + upstreamQuery
                : "CREATE OR REPLACE VIEW " + task + "_out AS SELECT k, v FROM up_out";
        return switch (turn) {
            case 1 -> ScriptedModel.Reply.sql(sql);
            case 2 -> ScriptedModel.Reply.done();
            default -> null;
        };
    }
}
