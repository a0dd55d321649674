package io.taskgraph.application.files;

import io.taskgraph.domain.WorkspaceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/** Writes a file through a temporary sibling, so an existing file is replaced whole or not at all. */
public final class WholeFile {
    private WholeFile() {
    }

    public static void write(Path out, byte[] bytes) {
        Path parent = out.toAbsolutePath().getParent();
        // Not Files.createTempFile: its owner-only permissions would stay on the result; a new file gets the umask's.
        Path temp = parent.resolve("." + out.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
        try {
            Files.createDirectories(parent);
            try {
                Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new WorkspaceException("Cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
