package io.taskgraph.domain.spec;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The file an input is read from, when the spec declares it by path: {@code declared} as the spec wrote it, resolved
 * against the {@code workingDirectory} the spec is imported in (an absolute path stays as it is).
 */
public record DeclaredFile(String declared, Path workingDirectory) {
    public DeclaredFile {
        Objects.requireNonNull(declared, "declared");
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** Where the file is looked for. */
    public Path path() {
        return workingDirectory.resolve(declared).normalize();
    }

    /** What to tell the user when the file of input {@code input} is not there. */
    public String notFound(String input) {
        boolean relative = !Path.of(declared).isAbsolute();
        return "Input '" + input + "': file " + declared + " not found (looked at " + path()
                + (relative ? ", relative to the working directory " + workingDirectory : "") + ").";
    }
}
