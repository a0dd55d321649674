package io.taskgraph.adapters.web.spec;

import java.nio.file.Path;

/** Where a run loads its spec from: the module's dotted name and the directory first on the Python path. */
public record SpecLocation(String module, Path workingDirectory) {
}
