package io.taskgraph.adapters.web.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The directory the runs' folders live in: one the user chose, kept when the server stops, or a fresh temporary one,
 * removed when the server stops so nothing is left behind.
 */
public record RunsDirectory(Path path, boolean temporary) {
    private static final System.Logger LOG = System.getLogger(RunsDirectory.class.getName());

    /** {@code chosen}, created if needed; a new temporary directory when nothing was chosen. */
    public static RunsDirectory open(Optional<Path> chosen) {
        try {
            if (chosen.isPresent()) {
                return new RunsDirectory(Files.createDirectories(chosen.get()), false);
            }
            return new RunsDirectory(Files.createTempDirectory("taskgraph-web-runs-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the runs directory " + chosen.map(Path::toString)
                    .orElse("in the temporary folder") + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the directory and everything in it when it is a temporary one. */
    public void removeIfTemporary() {
        if (temporary && !Folders.delete(path)) {
            LOG.log(System.Logger.Level.WARNING, "Could not remove every file of the temporary runs directory " + path);
        }
    }
}
