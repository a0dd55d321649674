package io.taskgraph.benchmarks;

import java.nio.file.Path;

/**
 * A cold {@code taskgraph show} of a 4-task spec (the diamond example), over its floor: starting a JVM
 * ({@code java -version}) plus the same Python importing the spec.
 */
final class ShowBenchmark implements Benchmark {
    @Override
    public String name() {
        return "show";
    }

    @Override
    public String what() {
        return "cold ./taskgraph show of the 4-task diamond spec, over java -version + python importing it";
    }

    @Override
    public int defaultRounds() {
        return 10;
    }

    @Override
    public void run(Bench bench, int rounds, Report report) throws Exception {
        Path app = bench.app("show");
        bench.copyFromRepository("examples/specs", app);
        bench.copyFromRepository("examples/data", app);
        report.title(name(), what(), rounds);
        Samples java = new Samples();
        Samples python = new Samples();
        Samples show = new Samples();
        Samples ratio = new Samples();
        for (int round = 0; round < rounds + 1; round++) {
            double j = bench.command(app, "java", "-version").run().requireSuccess("java -version").seconds();
            double p = bench.python(app, "-c", "import specs.diamond").run().requireSuccess("python import").seconds();
            double s = bench.taskgraph(app, "show", "--spec", "specs.diamond").run()
                    .requireSuccess("taskgraph show").seconds();
            if (round == 0) {
                continue;
            }
            java.add(j);
            python.add(p);
            show.add(s);
            ratio.add(s / (j + p));
        }
        report.figure("java -version", java, "%.3f", "s");
        report.figure(Bench.python() + " -c 'import specs.diamond'", python, "%.3f", "s");
        report.figure("./taskgraph show --spec specs.diamond", show, "%.3f", "s");
        report.verdict("show / (java -version + import)", ratio, "%.2f", "<= 2.0", ratio.median() <= 2.0);
        report.end();
    }
}
