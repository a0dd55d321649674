package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real CLI: {@code java -jar adapters-cli/target/taskgraph.jar} as a subprocess in an app directory,
 * with a controlled environment (no API key or base URL leaks in from the machine running the tests).
 */
final class Taskgraph {
    static final Path JAR = Path.of(System.getProperty("taskgraph.jar", "target/taskgraph.jar")).toAbsolutePath();
    private static final long TIMEOUT_SECONDS = 120;

    /** What a finished command printed and returned. */
    record Result(int exitCode, String out, String err) {
        /** Everything, for assertion messages. */
        String all() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** A started command whose output is captured to files. */
    record Running(Process process, Path out, Path err) {
        Result finish() throws IOException, InterruptedException {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("taskgraph did not finish within " + TIMEOUT_SECONDS + " s:\n" + read(out) + read(err));
            }
            Result result = new Result(process.exitValue(), read(out), read(err));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        }

        String outSoFar() throws IOException {
            return read(out);
        }

        /** Waits (up to 90 s) until the output so far contains {@code text}; fails with everything printed if it never does. */
        void awaitOutput(String text) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!outSoFar().contains(text)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("never saw '" + text + "':\n" + finish().all());
                }
                Thread.sleep(50);
            }
        }

        String errSoFar() throws IOException {
            return read(err);
        }
    }

    private final Path dir;
    private final Map<String, String> env = new HashMap<>();

    Taskgraph(Path dir) {
        assertTrue(Files.isRegularFile(JAR), "the shaded jar " + JAR + " is built in `package`; run `mvn -B verify`");
        this.dir = dir;
        for (String keep : List.of("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "JAVA_HOME")) {
            String value = System.getenv(keep);
            if (value != null) {
                env.put(keep, value);
            }
        }
        String python = System.getenv("TASKGRAPH_TEST_PYTHON");
        if (python != null && !python.isBlank()) {
            env.put("TASKGRAPH_PYTHON", python);
        }
    }

    /** Talks to {@code server} with a dummy key, as a user with a local OpenAI-compatible server would. */
    Taskgraph model(FakeModelServer server) {
        env.put("OPENROUTER_BASE_URL", server.baseUrl());
        env.put("OPENROUTER_API_KEY", "sk-test-dummy");
        return this;
    }

    Taskgraph env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    Result run(String... args) throws IOException, InterruptedException {
        return start(args).finish();
    }

    /** Runs the CLI with {@code input} on its standard input (then closed), as {@code echo ... | taskgraph ...}. */
    Result runWithInput(String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return launch(command, input).finish();
    }

    /** Starts the CLI (stdin closed, output captured) with extra JVM options before {@code -jar}. */
    Running start(List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return launch(command, "");
    }

    Running start(String... args) throws IOException {
        return start(List.of(), args);
    }

    /** Runs {@code script} with bash in the app directory and this environment, for pipelines. */
    Result runShell(String script) throws IOException, InterruptedException {
        return launch(List.of("bash", "-c", script), "").finish();
    }

    /**
     * Runs the CLI on a pseudo-terminal (util-linux {@code script}), as a person at a terminal would, typing
     * {@code input}. Returns the terminal's output, ANSI sequences included.
     */
    Result runOnTerminal(String input, String... args) throws IOException, InterruptedException {
        StringBuilder line = new StringBuilder("java -jar ").append(quote(JAR.toString()));
        for (String arg : args) {
            line.append(' ').append(quote(arg));
        }
        Path typed = Files.createTempFile("taskgraph-e2e-", ".in");
        Files.writeString(typed, input);
        List<String> command = List.of("sh", "-c", "script -qefc " + quote(line.toString()) + " /dev/null < " + quote(typed.toString()));
        try {
            return launch(command, "").finish();
        } finally {
            Files.deleteIfExists(typed);
        }
    }

    private Running launch(List<String> command, String input) throws IOException {
        Path out = Files.createTempFile("taskgraph-e2e-", ".out");
        Path err = Files.createTempFile("taskgraph-e2e-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().putIfAbsent("TERM", "xterm-256color");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        return new Running(process, out, err);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String read(Path file) throws IOException {
        return file != null && Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
