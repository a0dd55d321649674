package io.taskgraph.adapters.python;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What an unpacked bridge copy looked like right after it was written and checked: each file's size, inode and
 * status-change time. A start that finds the same figures, in a directory this user owns and nobody else may write,
 * runs the copy without reading it: rewriting, truncating, replacing or deleting a file changes its figures (the
 * status-change time cannot be set back the way a modification time can), so such a copy is checked byte for byte
 * again instead.
 */
final class UnpackedCopyStamp {
    static final String NAME = ".taskgraph-unpacked";

    private UnpackedCopyStamp() {
    }

    /** Whether {@code dir} holds {@code files} exactly as recorded when they were written; false when unsure. */
    static boolean intact(Path dir, List<String> files) {
        try {
            Map<String, Object> attributes = Files.readAttributes(dir, "unix:isDirectory,mode", LinkOption.NOFOLLOW_LINKS);
            if (!Boolean.TRUE.equals(attributes.get("isDirectory"))
                    || ((Integer) attributes.get("mode") & 0022) != 0
                    || !Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName()
                            .equals(System.getProperty("user.name"))) {
                return false;
            }
            Path stamp = dir.resolve(NAME);
            return Files.isRegularFile(stamp, LinkOption.NOFOLLOW_LINKS)
                    && Files.readString(stamp).equals(figures(dir, files));
        } catch (IOException | RuntimeException unreadable) {
            return false; // no unix attributes here, a file gone, a stamp from elsewhere: check the slow way
        }
    }

    /** Records {@code files} as they are now; written aside and renamed, so a reader never sees half a stamp. */
    static void record(Path dir, List<String> files) throws IOException {
        Path staging = Files.createTempFile(dir, NAME, ".tmp");
        try {
            Files.writeString(staging, figures(dir, files));
            Files.move(staging, dir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(staging);
        }
    }

    private static String figures(Path dir, List<String> files) throws IOException {
        StringBuilder figures = new StringBuilder();
        for (String file : files) {
            Map<String, Object> attributes = Files.readAttributes(dir.resolve(file),
                    "unix:isRegularFile,size,ino,ctime", LinkOption.NOFOLLOW_LINKS);
            if (!Boolean.TRUE.equals(attributes.get("isRegularFile"))) {
                throw new IOException(file + " is not a regular file");
            }
            figures.append(file).append(' ').append(attributes.get("size")).append(' ').append(attributes.get("ino"))
                    .append(' ').append(((FileTime) attributes.get("ctime")).to(TimeUnit.NANOSECONDS)).append('\n');
        }
        return figures.toString();
    }
}
