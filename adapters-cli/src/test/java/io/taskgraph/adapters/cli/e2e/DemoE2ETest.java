package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, as a user runs it: {@code ./taskgraph demo} through the repository's launcher and the
 * packaged jar, from an empty directory, with no API key and a model endpoint where nothing listens.
 */
@Tag("e2e")
class DemoE2ETest {
    private static final Path LAUNCHER = Path.of("..", "taskgraph").toAbsolutePath().normalize();

    @TempDir
    Path here;
    @TempDir
    Path tools;

    @Test
    void theDemoBuildsTheDiamondOfflineWithEveryViewAndTheExport() throws Exception {
        Taskgraph.Result result = launch("demo");

        assertEquals(0, result.exitCode(), result.all());
        assertTrue(result.out().contains("Taskgraph demo: a REPLAY of a recorded run"), result.all());
        assertTrue(result.out().contains("Done: 4 of 4 tasks passed."), result.all());
        assertTrue(result.out().contains("taskgraph query demo.db \"SELECT * FROM profit_report\""), result.all());

        Path db = here.resolve("demo.db");
        assertEquals(List.of(List.of("34", "2026-01-01", "2026-03-01")),
                WorkspaceFile.query(db, "SELECT count(*), min(month), max(month) FROM prepared_sales"));
        assertEquals(List.of(List.of("8", "DECIMAL(12,2)", "3986.19")), WorkspaceFile.query(db,
                "SELECT count(*), any_value(typeof(amount)), sum(amount) FROM prepared_costs"));
        assertEquals(List.of(List.of("2026-01-01", "76", "1366.10"), List.of("2026-02-01", "63", "799.90"),
                List.of("2026-03-01", "86", "1407.40")), WorkspaceFile.query(db, "SELECT * FROM sales_summary"));
        assertEquals(List.of(List.of("2026-01-01", "599.80"), List.of("2026-02-01", "2403.00"),
                List.of("2026-03-01", "983.39")), WorkspaceFile.query(db, "SELECT * FROM costs_summary"));
        List<List<String>> report = List.of(List.of("2026-01-01", "1366.10", "599.80", "766.30"),
                List.of("2026-02-01", "799.90", "2403.00", "-1603.10"), List.of("2026-03-01", "1407.40", "983.39", "424.01"));
        assertEquals(report, WorkspaceFile.query(db, "SELECT * FROM profit_report"));

        assertEquals(List.of(List.of("costs", "1"), List.of("prep", "2"), List.of("report", "1"), List.of("sales", "1")),
                WorkspaceFile.query(db, "SELECT task, count(*) FROM _trace WHERE success GROUP BY task ORDER BY task"));
        assertEquals(List.of(List.of("0")), WorkspaceFile.query(db, "SELECT count(*) FROM _trace WHERE NOT success"));
        for (String task : List.of("prep", "sales", "costs", "report")) {
            Map<String, String> meta = WorkspaceFile.taskMeta(db, task);
            assertEquals("\"PASSED\"", meta.get("validation"), task + ": " + meta);
            assertEquals("\"taskgraph/demo-replay\"", meta.get("model"), task + ": " + meta);
        }
        assertEquals("specs.diamond", WorkspaceFile.workspaceMeta(db).get("spec_module"));

        StringBuilder csv = new StringBuilder("month,revenue,cost,profit\r\n");
        report.forEach(row -> csv.append(String.join(",", row)).append("\r\n"));
        assertEquals(csv.toString(), Files.readString(here.resolve("profit_report.csv")));
        try (var files = Files.list(here)) {
            assertEquals(List.of("demo.db", "profit_report.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void theShortCommandsStartTheJarsMainClassThroughTheLauncher() throws Exception {
        // they name the main class on the class path (see the launcher): it must be the one the jar's manifest names
        String mainClass;
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(Taskgraph.JAR.toFile())) {
            mainClass = jar.getManifest().getMainAttributes().getValue("Main-Class");
        }
        assertTrue(Files.readString(LAUNCHER).contains("launch=(-cp \"$jar\" " + mainClass + ")"), mainClass);

        Taskgraph.Result version = launch("--version");
        assertEquals(0, version.exitCode(), version.all());
        assertTrue(version.out().startsWith("taskgraph "), version.all());
        Files.writeString(here.resolve("tiny.py"), "INPUTS = {\"seed\": lambda: [{\"k\": 1}]}\n"
                + "TASKS = [{\"name\": \"copy\", \"sql\": \"CREATE VIEW copy_out AS SELECT k FROM seed\", "
                + "\"inputs\": [\"seed\"], \"outputs\": [\"copy_out\"]}]\n");
        Taskgraph.Result show = launch("show", "--spec", "tiny");
        assertEquals(0, show.exitCode(), show.all());
        assertTrue(show.out().startsWith("Spec tiny\n"), show.all());
        assertTrue(show.out().contains("copy"), show.all());
    }

    /**
     * Runs the launcher in {@link #here}. The jar was packaged just before this test; a launcher that decided to
     * rebuild would find a {@code mvn} that refuses, rather than start a second Maven inside this build.
     */
    private Taskgraph.Result launch(String... args) throws IOException, InterruptedException {
        Path mvn = Files.writeString(tools.resolve("mvn"), "#!/bin/sh\necho 'the launcher tried to rebuild the jar' >&2\nexit 1\n");
        assertTrue(mvn.toFile().setExecutable(true));
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(here.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("OPENROUTER_") || name.equals("JAVA_OPTS"));
        env.put("PATH", tools + ":" + System.getenv("PATH"));
        env.put("OPENROUTER_BASE_URL", "http://127.0.0.1:9/");
        Path out = Files.createTempFile("taskgraph-demo-e2e-", ".out");
        Path err = Files.createTempFile("taskgraph-demo-e2e-", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("taskgraph demo did not finish within 180 s:\n" + Files.readString(out));
            }
            return new Taskgraph.Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
