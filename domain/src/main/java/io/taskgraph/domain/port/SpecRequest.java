package io.taskgraph.domain.port;

import java.nio.file.Path;
import java.util.Map;

/**
 * Which spec module to load ({@code my_app.specs.main}), from which working directory (first on the
 * Python path; relative paths in the spec resolve against it), with extra environment variables.
 */
public record SpecRequest(String module, Path workingDirectory, Map<String, String> environment) {
    public SpecRequest {
        environment = Map.copyOf(environment);
    }

    public static SpecRequest of(String module, Path workingDirectory) {
        return new SpecRequest(module, workingDirectory, Map.of());
    }
}
