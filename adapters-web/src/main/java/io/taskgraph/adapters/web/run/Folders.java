package io.taskgraph.adapters.web.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a run's folder (or the runs directory) with everything in it. */
final class Folders {
    private Folders() {
    }

    /** Deletes {@code root} and its contents, as far as possible; true when nothing is left. */
    static boolean delete(Path root) {
        if (!Files.exists(root)) {
            return true;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // reported below: whatever could not be walked is still there
        }
        return !Files.exists(root);
    }
}
