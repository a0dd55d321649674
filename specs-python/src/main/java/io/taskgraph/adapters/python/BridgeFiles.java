package io.taskgraph.adapters.python;

import io.taskgraph.domain.WorkspaceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * The bridge's Python files, shipped as resources and unpacked once into a directory named by their
 * content hash (so a new build never runs an old bridge, and concurrent processes share one copy).
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
            Map<String, byte[]> contents = new LinkedHashMap<>();
            // The name only tells builds apart; what runs is checked byte for byte (sameContents). A checksum
            // rather than a digest: MessageDigest loads the security providers, ~10 ms before Python can start.
            CRC32 crc = new CRC32();
            Adler32 adler = new Adler32();
            for (String file : FILES) {
                byte[] bytes = read(file);
                contents.put(file, bytes);
                byte[] name = file.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                crc.update(name);
                crc.update(bytes);
                adler.update(name);
                adler.update(bytes);
            }
            String hash = String.format("%08x%08x", crc.getValue(), adler.getValue());
            String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
            Path target = parent.resolve("taskgraph-bridge-" + user + "-" + hash);
            if (Files.isDirectory(target)) {
                if (sameContents(target, contents)) {
                    return target;
                }
                // someone else's or a damaged copy: never run it, unpack a private one instead
                return unpack(Files.createTempDirectory(parent, "taskgraph-bridge-"), contents);
            }
            Path staging = unpack(Files.createTempDirectory(parent, "taskgraph-bridge-staging-"), contents);
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
