package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end tests that start where a user's January left off: the diamond run once per test class
 * ({@code my_app.specs.jan} into {@code jan.db}), and each test in its own copy of that app directory, with a fresh
 * scripted model server (nothing scripted yet) and the real jar.
 */
abstract class FromJanuaryRun {
    static final List<String> MARKERS = List.of("[prep]", "[sales]", "[costs]", "[report]");

    @TempDir
    static Path january;

    @TempDir
    Path dir;

    FakeModelServer model;
    AppDir app;
    Taskgraph taskgraph;

    @BeforeAll
    static void januaryRun() throws Exception {
        AppDir app = new AppDir(january);
        String jan = app.spec("jan", Diamond.SPEC);
        try (FakeModelServer model = Diamond.solve(FakeModelServer.start())) {
            Taskgraph.Result first = new Taskgraph(january).model(model)
                    .run("run", "-s", jan, "-o", "jan.db", "-m", "test/recorded-model");
            assertEquals(0, first.exitCode(), first.all());
        }
    }

    @BeforeEach
    void copyOfJanuary() throws Exception {
        try (Stream<Path> files = Files.walk(january)) {
            for (Path from : files.toList()) {
                Path to = dir.resolve(january.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        model = FakeModelServer.start();
        app = new AppDir(dir);
        taskgraph = new Taskgraph(dir).model(model);
    }

    @AfterEach
    void stopModel() {
        model.close();
    }

    /** How many model requests each diamond task sent, told apart by the marker its prompt starts with. */
    Map<String, Integer> requestsPerTask() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        MARKERS.forEach(marker -> counts.put(marker.substring(1, marker.length() - 1), model.requests(marker).size()));
        return counts;
    }

    /** The expected counts, in task order prep, sales, costs, report. */
    static Map<String, Integer> counts(int prep, int sales, int costs, int report) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("prep", prep);
        counts.put("sales", sales);
        counts.put("costs", costs);
        counts.put("report", report);
        return counts;
    }
}
