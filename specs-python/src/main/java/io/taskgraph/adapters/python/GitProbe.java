package io.taskgraph.adapters.python;

import io.taskgraph.domain.spec.GitInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where a spec file sits in git: the repository root, HEAD commit and whether the tree has uncommitted
 * changes. No git, a file outside any repository or a git that misbehaves all give {@link GitInfo#unknown()}:
 * version information is a record for reruns, never a reason to refuse to run.
 */
final class GitProbe {
    private static final long TIMEOUT_SECONDS = 10;

    private GitProbe() {
    }

    /**
     * The git state of {@code specFile}, reusing {@code early} (a probe of {@code probed}, the working directory,
     * started while the spec was importing) when git would search the same way from the file's directory: it lies
     * below the repository root {@code early} found (or, when it found none, below {@code probed}) with no
     * {@code .git} in between. Saves starting git again after the import in the common cases.
     */
    static GitInfo probe(Path specFile, Path probed, GitInfo early) {
        Path dir = specFile.toAbsolutePath().normalize().getParent();
        if (dir == null) {
            return GitInfo.unknown();
        }
        Path searched = early.root().map(Path::of).orElse(probed.toAbsolutePath().normalize());
        if (dir.startsWith(searched) && noRepositoryBetween(dir, searched)) {
            return early;
        }
        return probe(dir);
    }

    private static boolean noRepositoryBetween(Path dir, Path root) {
        for (Path p = dir; p != null && !p.equals(root); p = p.getParent()) {
            if (java.nio.file.Files.exists(p.resolve(".git"))) {
                return false;
            }
        }
        return true;
    }

    /** The git state of the repository containing directory {@code dir}. */
    static GitInfo probe(Path dir) {
        Optional<List<String>> top = run(dir, "rev-parse", "--show-toplevel");
        if (top.isEmpty() || top.get().isEmpty()) {
            return GitInfo.unknown();
        }
        String root = top.get().get(0).trim();
        Optional<String> commit = run(dir, "rev-parse", "--verify", "-q", "HEAD")
                .filter(lines -> !lines.isEmpty()).map(lines -> lines.get(0).trim());
        Optional<Boolean> dirty = run(Path.of(root), "status", "--porcelain").map(lines -> !lines.isEmpty());
        return new GitInfo(Optional.of(root), commit, dirty);
    }

    private static Optional<List<String>> run(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            if (process.exitValue() != 0) {
                return Optional.empty();
            }
            String text = new String(out, StandardCharsets.UTF_8);
            return Optional.of(text.lines().filter(l -> !l.isBlank()).toList());
        } catch (IOException e) {
            return Optional.empty(); // no git installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
