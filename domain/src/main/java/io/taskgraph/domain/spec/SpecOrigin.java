package io.taskgraph.domain.spec;

import java.nio.file.Path;

/** Which module the spec came from, its file and its exact source text, and its git state. */
public record SpecOrigin(String module, Path file, String source, GitInfo git) {
}
