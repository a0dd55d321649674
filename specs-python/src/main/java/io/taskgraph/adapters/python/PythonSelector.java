package io.taskgraph.adapters.python;

import io.taskgraph.domain.UsageException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the Python that runs spec modules (the README's "Which spec" section documents it):
 * {@code $TASKGRAPH_PYTHON} if set, else {@code ./.venv/bin/python} in the working directory if present, else
 * {@code python3} on the {@code PATH}, all read from the environment given (never the JVM's own).
 * Cheap (no process is started); the version is checked when the bridge says hello.
 */
public final class PythonSelector {
    public static final String ENV_VARIABLE = "TASKGRAPH_PYTHON";
    static final String HOW_TO_CHOOSE = "Set " + ENV_VARIABLE + " to a Python 3.9+ interpreter, create "
            + "./.venv with one, or put python3 on the PATH.";

    private PythonSelector() {
    }

    /** The interpreter for {@code workingDirectory}; {@code environment} is the process environment to use. */
    public static PythonCommand select(Path workingDirectory, Map<String, String> environment) {
        String configured = environment.get(ENV_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            String reason = "from $" + ENV_VARIABLE;
            if (configured.contains(File.separator)) {
                Path path = workingDirectory.resolve(configured);
                if (!Files.isExecutable(path)) {
                    throw new UsageException(ENV_VARIABLE + "=" + configured + " is not an executable file"
                            + (Files.exists(path) ? "" : " (it does not exist)") + ". " + HOW_TO_CHOOSE);
                }
                return new PythonCommand(path.toString(), reason);
            }
            return onPath(configured, environment)
                    .orElseThrow(() -> new UsageException(ENV_VARIABLE + "=" + configured
                            + " names no program on the PATH. " + HOW_TO_CHOOSE))
                    .withReason(reason);
        }
        Path venv = workingDirectory.resolve(".venv").resolve("bin").resolve("python");
        if (Files.isExecutable(venv)) {
            return new PythonCommand(venv.toString(), "./.venv/bin/python in the working directory");
        }
        return onPath("python3", environment).map(f -> f.withReason("python3 on the PATH"))
                .orElseThrow(() -> new UsageException("No Python found: "
                + ENV_VARIABLE + " is not set, there is no ./.venv/bin/python in " + workingDirectory
                + ", and python3 is not on the PATH. " + HOW_TO_CHOOSE));
    }

    private static Optional<Found> onPath(String program, Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(new Found(candidate.toString()));
            }
        }
        return Optional.empty();
    }

    private record Found(String executable) {
        PythonCommand withReason(String reason) {
            return new PythonCommand(executable, reason);
        }
    }
}
