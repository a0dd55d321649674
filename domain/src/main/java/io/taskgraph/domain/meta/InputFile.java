package io.taskgraph.domain.meta;

import io.taskgraph.domain.WorkspaceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A file an input was ingested from (a CSV, Parquet, JSON or XLSX file the spec points at, not data the spec built in
 * Python), as the workspace records it: where it was, its size, when it was last modified and its SHA-256. A rerun
 * that uses the recorded rows compares the file on disk with this record, so it can say the data moved on.
 */
public record InputFile(String input, Path path, long size, Instant modified, String sha256) {
    /** Reads what is recorded about {@code file} now. */
    public static InputFile of(String input, Path file) {
        try {
            return new InputFile(input, file.toAbsolutePath().normalize(), Files.size(file),
                    Files.getLastModifiedTime(file).toInstant(), sha256(file));
        } catch (IOException e) {
            throw new WorkspaceException("Cannot read input '" + input + "' file " + file + " to record it: "
                    + e.getMessage() + ".", e);
        }
    }

    /**
     * How the file on disk differs from this record, if it does: gone, another size, or (when only the modification
     * time moved) other content. A file touched but not changed is no change.
     */
    public Optional<String> changeOnDisk() {
        if (!Files.isRegularFile(path)) {
            return Optional.of("it no longer exists");
        }
        try {
            long sizeNow = Files.size(path);
            if (sizeNow != size) {
                return Optional.of("size " + size + " -> " + sizeNow + " bytes");
            }
            if (Files.getLastModifiedTime(path).toInstant().equals(modified)) {
                return Optional.empty();
            }
            return sha256(path).equals(sha256) ? Optional.empty()
                    : Optional.of("its content changed (same size, modified " + Files.getLastModifiedTime(path) + ")");
        } catch (IOException e) {
            return Optional.of("it cannot be read (" + e.getMessage() + ")");
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
