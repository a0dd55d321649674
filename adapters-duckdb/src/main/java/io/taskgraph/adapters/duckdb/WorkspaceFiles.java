package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.ErrorCategory;
import io.taskgraph.domain.WorkspaceException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** The files of one workspace on disk: the database file and its write-ahead log beside it. */
final class WorkspaceFiles {
    private WorkspaceFiles() {
    }

    /** DuckDB keeps committed changes not yet checkpointed in {@code <file>.wal}. */
    static Path wal(Path file) {
        return file.resolveSibling(file.getFileName() + ".wal");
    }

    /**
     * Where DuckDB spills data that does not fit its memory limit: {@code <file>.tmp} beside the workspace, the
     * folder DuckDB itself would choose. DuckDB creates it on the first spill and removes it when the database
     * closes; {@link #removeSpillDirectory} clears what a killed process left there.
     */
    static Path spillDirectory(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    /** Removes the spill folder when it holds nothing but DuckDB's temporary files (a killed run leaves those). */
    static void removeSpillDirectory(Path file) {
        Path directory = spillDirectory(file);
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var entries = Files.list(directory)) {
            List<Path> files = entries.toList();
            if (files.stream().allMatch(f -> f.getFileName().toString().startsWith("duckdb_temp_"))) {
                for (Path f : files) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(directory);
            }
        } catch (IOException e) {
            // Best effort: a leftover spill folder wastes disk space but harms nothing.
        }
    }

    /** Makes room for a new workspace at {@code file}: refuses an existing one unless {@code replace}. */
    static void prepareTarget(Path file, boolean replace, String what) {
        OpenFiles.requireNotOpen(file, "replace " + file);
        try {
            if (Files.isDirectory(file)) {
                throw new WorkspaceException(ErrorCategory.BAD_INPUT, "Cannot create the " + what + " " + file + ": it is a directory. "
                        + "Give a file path such as " + file.resolve("out.db") + ".");
            }
            if (Files.exists(file)) {
                if (!replace) {
                    throw new WorkspaceException(ErrorCategory.CONFLICT, "The " + what + " " + file + " already exists. Choose another "
                            + "output file, or ask to replace it.");
                }
                Files.delete(file);
            }
            // A WAL without its database is from an older file of the same name: replaying it would corrupt the new one.
            Files.deleteIfExists(wal(file));
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new WorkspaceException("Cannot create the " + what + " " + file + ": " + describe(e), e);
        }
    }

    /** Checks what can be checked about a copy's source before anything is deleted to make room for the copy. */
    static void requireCopyableSource(Path source) {
        if (!Files.isRegularFile(source)) {
            throw new WorkspaceException(ErrorCategory.NOT_FOUND, "The previous workspace " + source + " does not exist"
                    + (Files.isDirectory(source) ? " as a file (it is a directory)." : "."));
        }
        OpenFiles.requireNotOpen(source, "copy " + source);
    }

    /**
     * Copies {@code source} (and its WAL, if a previous process ended without a checkpoint) byte for byte to
     * {@code target}, after making sure no program is writing the source: not this process (checked by
     * {@link OpenFiles}) and not another (DuckDB holds an exclusive lock on a file it has open for writing, so a
     * shared lock attempt fails). The source and its WAL are only read.
     */
    static void copy(Path source, Path target) {
        requireCopyableSource(source);
        try (FileChannel channel = FileChannel.open(source, StandardOpenOption.READ)) {
            FileLock lock;
            try {
                lock = channel.tryLock(0, Long.MAX_VALUE, true);
            } catch (IOException e) {
                lock = null;
            }
            if (lock == null) {
                throw new WorkspaceException(ErrorCategory.CONFLICT, "The previous workspace " + source + " is open for writing in another "
                        + "program (a running taskgraph or duckdb?). Wait for it to finish or close it, then retry.");
            }
            try {
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                Path wal = wal(source);
                if (Files.exists(wal)) {
                    Files.copy(wal, wal(target), StandardCopyOption.COPY_ATTRIBUTES);
                }
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new WorkspaceException("Could not copy the workspace " + source + " to " + target + ": "
                    + describe(e), e);
        }
    }

    /** Removes a copy that turned out unusable, so no half-made workspace is left behind. */
    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(wal(file));
        } catch (IOException e) {
            // Best effort: the error that made us delete it is the one worth reporting.
        }
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
    }
}
