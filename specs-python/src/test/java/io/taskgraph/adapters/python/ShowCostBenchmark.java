package io.taskgraph.adapters.python;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures, not assertions: a cold JVM loading a small spec through the bridge, against the floor of
 * `java -version` plus `python3 -c "import the spec"` (issue 5 asks for at most 2.4x). Best of 5, in turns.
 */
@Tag("benchmark")
class ShowCostBenchmark {
    @TempDir
    Path app;

    @Test
    void coldSpecLoadAgainstJavaVersionPlusPythonImport() throws Exception {
        PythonFixtures.copyTo(app);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String python = PythonSelector.select(app, System.getenv()).executable();
        String classpath = System.getProperty("java.class.path");
        List<Double> javaVersion = new ArrayList<>();
        List<Double> pythonImport = new ArrayList<>();
        List<Double> load = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            javaVersion.add(wall(app, java, "-version"));
            pythonImport.add(wall(app, python, "-c", "import seed.minimal"));
            load.add(wall(app, java, "-cp", classpath, LoadSpecMain.class.getName(), "seed.minimal", app.toString()));
        }
        double floor = Collections.min(javaVersion) + Collections.min(pythonImport);
        double ours = Collections.min(load);
        System.out.printf("%nCold spec load (seed.minimal), best of 5:%n");
        System.out.printf("  java -version                       %6.3f s%n", Collections.min(javaVersion));
        System.out.printf("  python3 -c 'import seed.minimal'    %6.3f s%n", Collections.min(pythonImport));
        System.out.printf("  JVM + PythonSpecLoader.open         %6.3f s   ratio to the sum %.2f (target <= 2.4)%n",
                ours, ours / floor);
    }

    private static double wall(Path dir, String... command) throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
