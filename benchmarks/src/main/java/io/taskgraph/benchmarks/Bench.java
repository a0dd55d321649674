package io.taskgraph.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What every benchmark works with: the repository (its {@code ./taskgraph} launcher and packaged jar), the Python
 * the bridge will use, one scripted model server, a scratch directory, and extra JVM options for the CLI's runs.
 */
final class Bench implements AutoCloseable {
    private final Path root;
    private final Path launcher;
    private final Path jar;
    private final Path harnessClasses;
    private final Path scratch;
    private final ScriptedModel model;
    private final String javaOpts;
    private final boolean keep;

    Bench(Path root, Path harnessClasses, String javaOpts, boolean keep) throws IOException {
        this.root = root;
        this.launcher = root.resolve("taskgraph");
        this.jar = root.resolve("adapters-cli/target/taskgraph.jar");
        this.harnessClasses = harnessClasses;
        this.javaOpts = javaOpts;
        this.keep = keep;
        if (!Files.isExecutable(launcher) || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("no ./taskgraph or adapters-cli/target/taskgraph.jar under " + root
                    + ": run the benchmarks with benchmarks/run from the repository");
        }
        this.scratch = Files.createTempDirectory("taskgraph-bench");
        this.model = ScriptedModel.start();
        model.warmUp();
    }

    Path root() {
        return root;
    }

    Path scratch() {
        return scratch;
    }

    /** Extra JVM options for the CLI's runs (e.g. a flight recording), from {@code --java-opts}. */
    String javaOpts() {
        return javaOpts;
    }

    ScriptedModel model() {
        return model;
    }

    /** The Python the bridge runs: {@code $TASKGRAPH_PYTHON}, else {@code python3} (an app directory has no .venv). */
    static String python() {
        String configured = System.getenv("TASKGRAPH_PYTHON");
        return configured == null || configured.isBlank() ? "python3" : configured;
    }

    /** A fresh app directory holding the named spec files of the harness. */
    Path app(String name, String... specFiles) throws IOException {
        Path dir = Files.createDirectories(scratch.resolve(name));
        for (String file : specFiles) {
            try (InputStream in = Bench.class.getResourceAsStream("specs/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing harness resource specs/" + file);
                }
                Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    /** Copies a directory of the repository (e.g. examples/specs) into {@code app}. */
    void copyFromRepository(String relative, Path app) throws IOException {
        Path source = root.resolve(relative);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = app.resolve(relative.substring(relative.lastIndexOf('/') + 1)).resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.toString().contains("__pycache__")) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** {@code ./taskgraph ARGS} in {@code app}, talking to the scripted model, with the extra JVM options. */
    Command taskgraph(Path app, String... args) {
        List<String> argv = new ArrayList<>(List.of(launcher.toString()));
        argv.addAll(List.of(args));
        Command command = new Command(app, argv)
                .env("OPENROUTER_BASE_URL", model.baseUrl())
                .env("OPENROUTER_API_KEY", "sk-bench-dummy");
        if (!javaOpts.isBlank()) {
            command.env("JAVA_OPTS", javaOpts);
        }
        return command;
    }

    Command python(Path app, String... args) {
        List<String> argv = new ArrayList<>(List.of(python()));
        argv.addAll(List.of(args));
        return new Command(app, argv);
    }

    Command command(Path app, String... argv) {
        return new Command(app, List.of(argv));
    }

    /** Runs {@link BareJdbc} in a child JVM with the product's DuckDB driver; returns its {@code key=value} lines. */
    Map<String, Double> bareJdbc(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("java", "-cp", jar + ":" + harnessClasses,
                BareJdbc.class.getName()));
        argv.addAll(List.of(args));
        Command.Outcome outcome = new Command(scratch, argv).run().requireSuccess("the bare JDBC baseline");
        Map<String, Double> values = new LinkedHashMap<>();
        for (String line : outcome.out().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).strip(), Double.parseDouble(line.substring(eq + 1).strip()));
            }
        }
        return values;
    }

    @Override
    public void close() {
        model.close();
        if (keep) {
            System.out.println("kept the app directories and workspaces in " + scratch);
            return;
        }
        try (Stream<Path> files = Files.walk(scratch)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
