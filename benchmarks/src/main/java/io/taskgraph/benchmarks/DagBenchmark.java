package io.taskgraph.benchmarks;

import java.nio.file.Path;

/**
 * A 30-task DAG (6 layers x 5, each task reading two tasks of the layer above; every task two model answers
 * 0.5 s apart): wall minus wall(1 task, no latency), over the ideal 6 x 1.0 s. What exceeds 1.0 is what task
 * starts, briefings, validation, metadata and the scheduler add on the critical path.
 */
final class DagBenchmark implements Benchmark {
    static final int LAYERS = 6;
    static final int WIDTH = 5;
    static final long ANSWER_DELAY_MILLIS = 500;

    @Override
    public String name() {
        return "dag";
    }

    @Override
    public String what() {
        return "30 tasks in 6 layers x 5, two model answers 0.5 s apart per task, over the ideal 6 x 1.0 s";
    }

    @Override
    public int defaultRounds() {
        return 5;
    }

    @Override
    public void run(Bench bench, int rounds, Report report) throws Exception {
        Path app = bench.app("dag", "bench_dag.py");
        bench.model().script("dag_", (name, turn) -> reply(name.substring("dag_".length()), turn, ANSWER_DELAY_MILLIS));
        bench.model().script("dag0_", (name, turn) -> reply(name.substring("dag0_".length()), turn, 0));
        double ideal = LAYERS * 2 * ANSWER_DELAY_MILLIS / 1000.0;
        report.title(name(), what(), rounds);
        Samples baseline = new Samples();
        Samples subject = new Samples();
        Samples ratio = new Samples();
        Samples cpu = new Samples();
        Samples startUp = new Samples();
        Samples conversation = new Samples();
        Samples ending = new Samples();
        for (int round = 0; round < rounds + 1; round++) {
            bench.model().takeConversation();
            Command.Outcome rb = bench.taskgraph(app, "run", "--spec", "bench_dag", "-o", "one.db", "-f")
                    .env("BENCH_LAYERS", "1").env("BENCH_WIDTH", "1").env("BENCH_PREFIX", "dag0")
                    .run().requireSuccess("taskgraph run, 1 task");
            Phases one = Phases.of(rb, bench.model().takeConversation());
            Command.Outcome rs = bench.taskgraph(app, "run", "--spec", "bench_dag", "-o", "dag.db", "-f")
                    .env("BENCH_LAYERS", Integer.toString(LAYERS)).env("BENCH_WIDTH", Integer.toString(WIDTH))
                    .env("BENCH_PREFIX", "dag").run().requireSuccess("taskgraph run, 30 tasks");
            Phases dag = Phases.of(rs, bench.model().takeConversation());
            double b = rb.seconds();
            double s = rs.seconds();
            if (round == 0) {
                continue;
            }
            baseline.add(b);
            subject.add(s);
            ratio.add((s - b) / ideal);
            cpu.add((rs.cpuSeconds() - rb.cpuSeconds()) * 1000 / (LAYERS * WIDTH - 1));
            startUp.add(dag.startUpMillis() - one.startUpMillis());
            conversation.add(dag.conversationMillis() - one.conversationMillis() - ideal * 1000);
            ending.add(dag.endingMillis() - one.endingMillis());
        }
        report.figure("wall, 1 task, no model latency", baseline, "%.2f", "s");
        report.figure("wall, 30 tasks", subject, "%.2f", "s");
        report.figure("CPU per extra task, all processes (user + sys)", cpu, "%.0f", "ms");
        report.note("30 tasks minus 1 task, by phase (per round, these three add up to the wall difference - ideal):");
        report.figure("  launch to first model request (same work: noise)", startUp, "%+.0f", "ms");
        report.figure("  first request to last answer, beyond the ideal", conversation, "%+.0f", "ms");
        report.figure("  last answer to exit", ending, "%+.0f", "ms");
        report.note(String.format(java.util.Locale.ROOT, "ideal: %d layers x %.1f s = %.1f s", LAYERS,
                2 * ANSWER_DELAY_MILLIS / 1000.0, ideal));
        report.verdict("(wall 30 tasks - wall 1 task) / ideal", ratio, "%.3f", "<= 1.05", ratio.median() <= 1.05);
        report.end();
    }

    /**
     * One run in three phases: from launch to the first model request (JVM, spec, ingest: the same work for 1 task
     * and for 30), the conversation up to the last answer (the DAG itself), and from there to exit (final audit,
     * checkpoint, summary).
     */
    private record Phases(double startUpMillis, double conversationMillis, double endingMillis) {
        static Phases of(Command.Outcome run, ScriptedModel.Conversation conversation) {
            if (conversation.firstRequestNanos() > conversation.lastAnswerNanos()) {
                throw new IllegalStateException("the run made no model request");
            }
            return new Phases((conversation.firstRequestNanos() - run.startNanos()) / 1e6,
                    (conversation.lastAnswerNanos() - conversation.firstRequestNanos()) / 1e6,
                    (run.endNanos() - conversation.lastAnswerNanos()) / 1e6);
        }
    }

    /** Turn 1 builds the task's view from its first input, turn 2 says it is done. */
    private static ScriptedModel.Reply reply(String task, int turn, long delay) {
        String[] parts = task.substring(1).split("_");
        int layer = Integer.parseInt(parts[0]);
        String source = layer == 0 ? "seed" : "t" + (layer - 1) + "_" + parts[1] + "_out";
        return switch (turn) {
            case 1 -> ScriptedModel.Reply.sql("CREATE OR REPLACE VIEW " + task + "_out AS SELECT k, v FROM " + source)
                    .after(delay);
            case 2 -> ScriptedModel.Reply.done().after(delay);
            default -> null;
        };
    }
}
