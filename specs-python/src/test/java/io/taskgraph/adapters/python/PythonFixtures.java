package io.taskgraph.adapters.python;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.taskgraph.domain.port.SpecRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The spec modules written for these tests (src/test/python), copied into a fresh working directory so
 * each test class imports them as a user's app would, without touching the source tree.
 */
final class PythonFixtures {
    static final Path SOURCE = Path.of("src/test/python");

    private PythonFixtures() {
    }

    /** Copies the fixture tree into {@code dir} and returns it. */
    static Path copyTo(Path dir) {
        try (var paths = Files.walk(SOURCE)) {
            for (Path from : paths.toList()) {
                if (from.toString().contains("__pycache__")) {
                    continue;
                }
                Path to = dir.resolve(SOURCE.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The loader as the composition root makes it, on this JVM's environment (tests are their own root): each line
     * a spec prints goes to {@code output}.
     */
    static PythonSpecLoader loader(java.util.function.Consumer<String> output) {
        return new PythonSpecLoader(System.getenv(), SOURCE, output);
    }

    /** A request for {@code module} run by the machine's python3 (unless $TASKGRAPH_PYTHON says otherwise). */
    static SpecRequest request(String module, Path workingDirectory) {
        return SpecRequest.of(module, workingDirectory);
    }

    /**
     * A request run by the test Python with polars, pandas, pyarrow and openpyxl ($TASKGRAPH_TEST_PYTHON,
     * prepared by .ci/run). In CI it must exist; on a developer machine without it the test is not run.
     */
    static SpecRequest richPythonRequest(String module, Path workingDirectory) {
        return new SpecRequest(module, workingDirectory, Map.of(PythonSelector.ENV_VARIABLE, richPython()));
    }

    static String richPython() {
        String python = System.getenv("TASKGRAPH_TEST_PYTHON");
        boolean present = python != null && !python.isBlank() && Files.isExecutable(Path.of(python));
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError("TASKGRAPH_TEST_PYTHON must name a Python with polars, pandas, pyarrow and "
                    + "openpyxl in CI (.ci/run prepares it)");
        }
        assumeTrue(present, "set TASKGRAPH_TEST_PYTHON to a Python with polars, pandas, pyarrow and openpyxl "
                + "(python3 -m venv ~/.cache/taskgraph-test-venv && ~/.cache/taskgraph-test-venv/bin/pip install "
                + "polars pandas pyarrow openpyxl)");
        return python;
    }
}
