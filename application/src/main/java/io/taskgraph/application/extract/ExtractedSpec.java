package io.taskgraph.application.extract;

import java.nio.file.Path;
import java.util.Optional;

/** The spec source written back out: where, how many bytes, and which module and commit it was recorded from. */
public record ExtractedSpec(Path file, long bytes, Optional<String> module, Optional<String> gitCommit) {
}
