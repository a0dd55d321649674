package io.taskgraph.adapters.python;

import io.taskgraph.domain.WorkspaceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bridge's Python files, shipped as resources and unpacked once into a directory named by their
 * content hash (so a new build never runs an old bridge, and concurrent processes share one copy). A copy is
 * run as found only when its {@link UnpackedCopyStamp} says nothing changed it; otherwise it is compared byte for
 * byte with the resources, and a copy that differs is never run.
 */
final class BridgeFiles {
    private static final String BASE = "/io/taskgraph/adapters/python/";
    static final List<String> FILES = List.of(
            "bridge.py",
            "taskgraph/__init__.py",
            "_taskgraph_bridge/__init__.py",
            "_taskgraph_bridge/errors.py",
            "_taskgraph_bridge/locations.py",
            "_taskgraph_bridge/formats.py",
            "_taskgraph_bridge/spec_reader.py",
            "_taskgraph_bridge/columnar.py",
            "_taskgraph_bridge/parquet.py",
            "_taskgraph_bridge/sources.py",
            "_taskgraph_bridge/connection.py",
            "_taskgraph_bridge/session.py");

    private static volatile Path extracted;

    private BridgeFiles() {
    }

    /** The unpacked {@code bridge.py}, extracting it on first use. */
    static Path script() {
        Path dir = extracted;
        if (dir == null) {
            synchronized (BridgeFiles.class) {
                if (extracted == null) {
                    extracted = extract(Path.of(System.getProperty("java.io.tmpdir")));
                }
                dir = extracted;
            }
        }
        return dir.resolve("bridge.py");
    }

    static Path extract(Path parent) {
        try {
            Path target = parent.resolve("taskgraph-bridge-" + userName() + "-" + checksum());
            if (UnpackedCopyStamp.intact(target, FILES)) {
                return target; // unchanged since this user unpacked and checked it: no need to read the jar
            }
            Map<String, byte[]> contents = new LinkedHashMap<>();
            for (String file : FILES) {
                contents.put(file, read(file));
            }
            if (Files.isDirectory(target)) {
                if (sameContents(target, contents)) {
                    restamp(target);
                    return target;
                }
                // someone else's or a damaged copy: never run it, unpack a private one instead
                return unpack(Files.createTempDirectory(parent, "taskgraph-bridge-"), contents);
            }
            Path staging = unpack(Files.createTempDirectory(parent, "taskgraph-bridge-staging-"), contents);
            UnpackedCopyStamp.record(staging, FILES);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException
                     | java.nio.file.DirectoryNotEmptyException raced) {
                deleteTree(staging); // another process unpacked the same files first
            }
            return target;
        } catch (IOException e) {
            throw new WorkspaceException("Could not unpack Taskgraph's Python bridge into " + parent + ": "
                    + e.getMessage() + ". Check that the temporary directory is writable.", e);
        }
    }

    /**
     * The SHA-256 of the bridge's files and their paths, computed by the build into a constant (reading it opens no
     * file of the jar, whose thousands of entries cost a cold start milliseconds to index): it names the unpacked
     * copy, so a new build never runs an old bridge.
     */
    private static String checksum() throws IOException {
        String checksum = BridgeChecksum.SHA256;
        boolean hex = checksum.length() == 64;
        for (int i = 0; hex && i < checksum.length(); i++) {
            hex = Character.digit(checksum.charAt(i), 16) >= 0;
        }
        if (!hex) {
            throw new IOException("the bridge's checksum is not a SHA-256 checksum; rebuild with Maven");
        }
        return checksum;
    }

    private static String userName() {
        StringBuilder name = new StringBuilder(System.getProperty("user.name", "user"));
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c == '-')) {
                name.setCharAt(i, '_');
            }
        }
        return name.toString();
    }

    /** A copy found byte for byte right but with no (or an outdated) stamp is stamped, so the next start is quick. */
    private static void restamp(Path dir) {
        try {
            if (Files.getOwner(dir).getName().equals(System.getProperty("user.name"))) {
                UnpackedCopyStamp.record(dir, FILES);
            }
        } catch (IOException | RuntimeException e) {
            // the copy is still right; the next start checks it byte for byte again
        }
    }

    private static Path unpack(Path dir, Map<String, byte[]> contents) throws IOException {
        for (Map.Entry<String, byte[]> e : contents.entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        return dir;
    }

    private static boolean sameContents(Path dir, Map<String, byte[]> contents) {
        try {
            for (Map.Entry<String, byte[]> e : contents.entrySet()) {
                Path file = dir.resolve(e.getKey());
                if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        || !java.util.Arrays.equals(Files.readAllBytes(file), e.getValue())) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] read(String file) throws IOException {
        try (InputStream in = BridgeFiles.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IOException("resource " + BASE + file + " is missing from the build");
            }
            return in.readAllBytes();
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover staging directory in tmp is harmless
        }
    }
}
