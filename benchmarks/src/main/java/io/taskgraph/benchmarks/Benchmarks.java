package io.taskgraph.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the end-to-end benchmarks: each drives {@code ./taskgraph} as a user does (the packaged jar, a scripted
 * OpenAI-compatible server on 127.0.0.1, the real Python bridge) and prints its figures against a baseline measured
 * in the same interleaved rounds. Started by {@code benchmarks/run}, which builds what it needs first.
 *
 * <pre>
 * benchmarks/run [--rounds N] [--java-opts "OPTS"] [--keep] [all | run-sql | ingest | dag | fanout | show | parallel | memory ...]
 * </pre>
 * Exit code: 0 when every target was met, 1 when one was not, 2 on bad usage or a failed run.
 */
public final class Benchmarks {
    private static final List<Benchmark> ALL = List.of(new RunSqlBenchmark(), new IngestBenchmark(),
            new DagBenchmark(), new FanoutBenchmark(), new ShowBenchmark(), new ParallelQueriesBenchmark(),
            new IngestMemoryBenchmark());

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Benchmark> byName = new LinkedHashMap<>();
        ALL.forEach(b -> byName.put(b.name(), b));
        List<Benchmark> chosen = new ArrayList<>();
        int rounds = 0;
        String javaOpts = "";
        boolean keep = false;
        Path root = Path.of("").toAbsolutePath();
        Path classes = Path.of(Benchmarks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--java-opts" -> javaOpts = args[++i];
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath();
                case "--keep" -> keep = true;
                case "all" -> chosen.addAll(ALL);
                case "-h", "--help" -> {
                    usage(byName);
                    return;
                }
                default -> {
                    Benchmark benchmark = byName.get(args[i]);
                    if (benchmark == null) {
                        System.err.println("benchmarks: unknown benchmark or option '" + args[i] + "'.");
                        usage(byName);
                        System.exit(2);
                    }
                    chosen.add(benchmark);
                }
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(ALL);
        }
        System.out.println("Taskgraph end-to-end benchmarks: ./taskgraph, a scripted model server on 127.0.0.1, "
                + Bench.python() + " for the bridge");
        System.out.println("load at start: " + Report.load());
        Report report = new Report();
        try (Bench bench = new Bench(root, classes, javaOpts, keep)) {
            for (Benchmark benchmark : chosen) {
                benchmark.run(bench, rounds > 0 ? rounds : benchmark.defaultRounds(), report);
            }
        } catch (IllegalStateException e) {
            System.err.println("benchmarks: " + e.getMessage());
            System.exit(2);
        }
        System.out.println();
        System.out.println("load at end: " + Report.load());
        System.out.println(report.allMet() ? "every target met" : "some targets NOT met");
        System.exit(report.allMet() ? 0 : 1);
    }

    private static void usage(Map<String, Benchmark> byName) {
        System.out.println("usage: benchmarks/run [--rounds N] [--java-opts \"JVM OPTIONS\"] [--keep] [all | NAME ...]");
        System.out.println("  --keep    keep the app directories and workspace files for inspection (path printed at the end)");
        byName.values().forEach(b -> System.out.printf("  %-9s %s (%d rounds)%n", b.name(), b.what(), b.defaultRounds()));
    }
}
