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
    /** The line of {@code status --porcelain=v2 --branch} with HEAD's commit, or {@link #NO_COMMIT_YET}. */
    private static final String HEAD_LINE = "# branch.oid ";
    private static final String NO_COMMIT_YET = "(initial)";

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

    /**
     * The git state of the repository containing directory {@code dir}. Two git processes, started together: the
     * root from {@code rev-parse}, and HEAD's commit with the tree's changes from one {@code status} (which reports
     * the whole tree from any directory in it). One after the other, and with HEAD asked separately, they kept a
     * cold {@code show} waiting for a third process.
     */
    static GitInfo probe(Path dir) {
        Optional<Process> top = start(dir, "rev-parse", "--show-toplevel");
        Optional<Process> status = start(dir, "status", "--porcelain=v2", "--branch");
        Optional<List<String>> root = top.flatMap(GitProbe::output).filter(lines -> !lines.isEmpty());
        Optional<List<String>> state = status.flatMap(GitProbe::output);
        if (root.isEmpty()) {
            status.ifPresent(Process::destroyForcibly);
            return GitInfo.unknown();
        }
        Optional<String> commit = state.flatMap(lines -> lines.stream()
                .filter(line -> line.startsWith(HEAD_LINE)).findFirst())
                .map(line -> line.substring(HEAD_LINE.length()).trim())
                .filter(oid -> !oid.equals(NO_COMMIT_YET));
        Optional<Boolean> dirty = state.map(lines -> lines.stream().anyMatch(line -> !line.startsWith("#")));
        return new GitInfo(Optional.of(root.get().get(0).trim()), commit, dirty);
    }

    private static Optional<Process> start(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            return Optional.of(process);
        } catch (IOException e) {
            return Optional.empty(); // no git installed
        }
    }

    /** The non-blank lines {@code process} printed, when it ended well within the time allowed. */
    private static Optional<List<String>> output(Process process) {
        try {
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
            process.destroyForcibly();
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return Optional.empty();
        }
    }
}
