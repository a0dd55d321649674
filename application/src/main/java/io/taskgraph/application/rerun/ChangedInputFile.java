package io.taskgraph.application.rerun;

import java.nio.file.Path;

/** An input file that changed on disk since the source workspace recorded it: which input, where, and how. */
public record ChangedInputFile(String input, Path file, String change) {
}
