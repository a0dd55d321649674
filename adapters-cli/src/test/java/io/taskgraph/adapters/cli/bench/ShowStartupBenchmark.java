package io.taskgraph.adapters.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long a cold {@code taskgraph show} takes against its floor: starting a JVM ({@code java -version}) plus
 * Python importing the spec ({@code python3 -c "import specs.main"}). Target: at most 2.4x that floor.
 * Every command is run in interleaved rounds and the medians are compared, so machine load affects all alike.
 *
 * <pre>
 * mvn -B -q -pl adapters-cli -am package -DskipTests
 * java -cp adapters-cli/target/test-classes io.taskgraph.adapters.cli.bench.ShowStartupBenchmark [rounds]
 * </pre>
 * Run from the repository root (it uses {@code ./taskgraph} and {@code adapters-cli/target/taskgraph.jar}).
 */
public final class ShowStartupBenchmark {
    private ShowStartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path root = Path.of("").toAbsolutePath();
        Path launcher = root.resolve("taskgraph");
        Path jar = root.resolve("adapters-cli/target/taskgraph.jar");
        if (!Files.isExecutable(launcher) || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("run from the repository root after `mvn -pl adapters-cli -am package`");
        }
        Path app = Files.createTempDirectory("taskgraph-show-bench");
        Files.writeString(app.resolve("pyproject.toml"), "[project]\nname = \"bench\"\nversion = \"0.1.0\"\n");
        run(app, List.of(launcher.toString(), "init"));

        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("java -version", List.of("java", "-version"));
        commands.put("python3 -c 'import specs.main'", List.of("python3", "-c", "import specs.main"));
        commands.put("./taskgraph show", List.of(launcher.toString(), "show"));
        commands.put("java -jar taskgraph.jar show", List.of("java", "-jar", jar.toString(), "show"));

        for (List<String> command : commands.values()) {
            run(app, command); // warm the file cache (and create the launcher's class data archive, if any)
        }
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        commands.keySet().forEach(name -> seconds.put(name, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                seconds.get(command.getKey()).add(run(app, command.getValue()));
            }
        }

        Map<String, Double> medians = new LinkedHashMap<>();
        seconds.forEach((name, times) -> medians.put(name, median(times)));
        double floor = medians.get("java -version") + medians.get("python3 -c 'import specs.main'");
        System.out.printf(Locale.ROOT, "cold show startup, median of %d interleaved rounds (%s)%n", rounds,
                "load average " + loadAverage());
        medians.forEach((name, median) -> System.out.printf(Locale.ROOT, "  %-32s %7.3f s%n", name, median));
        System.out.printf(Locale.ROOT, "  %-32s %7.3f s%n", "floor (java -version + import)", floor);
        for (String show : List.of("./taskgraph show", "java -jar taskgraph.jar show")) {
            System.out.printf(Locale.ROOT, "  %-32s %7.2fx the floor (target <= 2.4x)%n", show, medians.get(show) / floor);
        }
    }

    private static double run(Path dir, List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        int exit = process.waitFor();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit + ": "
                    + new String(output, StandardCharsets.UTF_8));
        }
        return elapsed;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
