package io.taskgraph.domain.port;

import java.nio.file.Path;
import java.util.Optional;

/** One EXPORTS entry after it ran: the file it wrote, or why it failed. */
public record ExportResult(String name, Path path, Optional<String> error) {
    public boolean succeeded() {
        return error.isEmpty();
    }
}
