package io.taskgraph.adapters.web.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One run's own folder: {@code data/} holds the uploaded files (the spec finds it through
 * {@code TASKGRAPH_DATA_DIR}), {@code output.db} the workspace with the export files next to it, and
 * {@code spec/} a built-in spec's sources. Nothing a request names can point outside it (see
 * {@code http.SafeFileNames}).
 */
public record RunFolder(Path root) {
    public static final String OUTPUT_FILE = "output.db";

    public RunFolder {
        root = root.toAbsolutePath().normalize();
    }

    /** Creates the folder and its {@code data/} directory. */
    public static RunFolder create(Path root) {
        RunFolder folder = new RunFolder(root);
        try {
            Files.createDirectories(folder.data());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the run folder " + root + ": " + e.getMessage(), e);
        }
        return folder;
    }

    public Path data() {
        return root.resolve("data");
    }

    public Path output() {
        return root.resolve(OUTPUT_FILE);
    }

    public Path spec() {
        return root.resolve("spec");
    }
}
