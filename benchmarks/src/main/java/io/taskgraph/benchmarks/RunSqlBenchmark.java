package io.taskgraph.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An agent's {@code run_sql} call: wall(run whose model sends 500 extra SELECTs, 25 per answer) minus wall(run
 * with 1), per call, minus the same 500 statements on a bare JDBC connection. What is left is everything the
 * product does per call: reading the answer, the guarded statement, the tool result, events, trace, and
 * building the next request of a conversation that grows with every call.
 */
final class RunSqlBenchmark implements Benchmark {
    static final int EXTRA_CALLS = 500;
    static final int CALLS_PER_ANSWER = 25;
    private static final String CREATE = "CREATE OR REPLACE VIEW explore_out AS SELECT region, sum(amount) AS total "
            + "FROM sales GROUP BY region";

    @Override
    public String name() {
        return "run-sql";
    }

    @Override
    public String what() {
        return "overhead of one agent run_sql call over the same statement on bare JDBC";
    }

    @Override
    public int defaultRounds() {
        return 5;
    }

    /** 500 different small SELECTs (different, so the repeat detector adds no notes). */
    static List<String> statements() {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < EXTRA_CALLS; i++) {
            int k = i * 17 % 10_000 + 1;
            statements.add(switch (i % 4) {
                case 0 -> "SELECT * FROM sales WHERE id = " + k;
                case 1 -> "SELECT region, count(*) AS n, sum(amount) AS total FROM sales WHERE units <> " + (i % 13)
                        + " GROUP BY region ORDER BY region";
                case 2 -> "SELECT count(*) AS n FROM sales WHERE amount > " + (k % 1500);
                default -> "SELECT id, region, amount FROM sales ORDER BY amount DESC, id LIMIT 5 OFFSET " + i;
            });
        }
        return statements;
    }

    @Override
    public void run(Bench bench, int rounds, Report report) throws Exception {
        Path app = bench.app("run-sql", "bench_sql.py");
        List<String> extra = statements();
        Path statementsFile = app.resolve("statements.sql");
        Files.write(statementsFile, extra);
        String first = "SELECT count(*) AS n FROM sales";
        List<ScriptedModel.Reply> one = List.of(ScriptedModel.Reply.sql(first), ScriptedModel.Reply.sql(CREATE),
                ScriptedModel.Reply.done());
        List<ScriptedModel.Reply> many = new ArrayList<>(List.of(ScriptedModel.Reply.sql(first)));
        for (int i = 0; i < extra.size(); i += CALLS_PER_ANSWER) {
            many.add(ScriptedModel.Reply.sql(extra.subList(i, Math.min(extra.size(), i + CALLS_PER_ANSWER))));
        }
        many.add(ScriptedModel.Reply.sql(CREATE));
        many.add(ScriptedModel.Reply.done());
        AtomicReference<List<ScriptedModel.Reply>> script = new AtomicReference<>();
        bench.model().script("explore", (name, turn) -> turn <= script.get().size() ? script.get().get(turn - 1) : null);

        report.title(name(), what(), rounds);
        Samples baseline = new Samples();
        Samples subject = new Samples();
        Samples bare = new Samples();
        Samples perCall = new Samples();
        Samples overhead = new Samples();
        Samples cpuPerCall = new Samples();
        Samples server = new Samples();
        for (int round = 0; round < rounds + 1; round++) {
            script.set(one);
            long[] before = bench.model().answersAndBusyNanos();
            Command.Outcome r1 = bench.taskgraph(app, "run", "--spec", "bench_sql", "-o", "one.db", "-f").run()
                    .requireSuccess("taskgraph run with 1 call");
            long[] afterOne = bench.model().answersAndBusyNanos();
            script.set(many);
            Command.Outcome r501 = bench.taskgraph(app, "run", "--spec", "bench_sql", "-o", "many.db", "-f").run()
                    .requireSuccess("taskgraph run with " + (EXTRA_CALLS + 1) + " calls");
            long[] afterMany = bench.model().answersAndBusyNanos();
            double w1 = r1.seconds();
            double w501 = r501.seconds();
            double bareSeconds = bench.bareJdbc("queries", app.resolve("many.db").toString(), statementsFile.toString())
                    .get("seconds");
            if (round == 0) {
                continue; // warm-up: the file cache, the launcher's class data archive
            }
            baseline.add(w1);
            subject.add(w501);
            bare.add(bareSeconds * 1000 / EXTRA_CALLS);
            double call = (w501 - w1) * 1000 / EXTRA_CALLS;
            perCall.add(call);
            overhead.add(call - bareSeconds * 1000 / EXTRA_CALLS);
            server.add(((afterMany[1] - afterOne[1]) - (afterOne[1] - before[1])) / 1e6 / EXTRA_CALLS);
            cpuPerCall.add((r501.cpuSeconds() - r1.cpuSeconds()) * 1000 / EXTRA_CALLS);
        }
        report.figure("wall, run with 1 call", baseline, "%.2f", "s");
        report.figure("wall, run with " + (EXTRA_CALLS + 1) + " calls (" + CALLS_PER_ANSWER + " per answer)", subject, "%.2f", "s");
        report.figure("per extra call: (wall 501 - wall 1) / 500", perCall, "%.2f", "ms");
        report.figure("baseline: the same statement on bare JDBC", bare, "%.2f", "ms");
        report.figure("CPU per extra call, all processes (user + sys)", cpuPerCall, "%.2f", "ms");
        report.figure("  of which the scripted server answering (not ours)", server, "%.2f", "ms");
        report.verdict("per call, ours (per extra call - bare JDBC)", overhead, "%.2f", "< 1 ms",
                overhead.median() < 1.0);
        report.end();
    }
}
