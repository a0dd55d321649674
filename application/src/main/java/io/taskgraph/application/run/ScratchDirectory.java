package io.taskgraph.application.run;

import io.taskgraph.domain.WorkspaceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary directory for files a use case needs only while it works; closing it deletes it with its contents. */
public final class ScratchDirectory implements AutoCloseable {
    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    /** A new directory named {@code prefix...} in the temp directory; {@code purpose} completes "for ..." in errors. */
    public static ScratchDirectory create(String prefix, String purpose) {
        try {
            return new ScratchDirectory(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new WorkspaceException("Cannot create a temporary directory for " + purpose + ": " + e.getMessage()
                    + "; check that the temp directory (java.io.tmpdir) is writable.", e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // leftovers in the temp directory are harmless; no result depends on them
        }
    }
}
