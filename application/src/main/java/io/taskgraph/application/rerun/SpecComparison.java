package io.taskgraph.application.rerun;

import io.taskgraph.domain.meta.WorkspaceMeta;
import io.taskgraph.domain.spec.GitInfo;
import io.taskgraph.domain.spec.SpecOrigin;
import java.util.Optional;

/**
 * Whether the spec a rerun loaded is the one its source workspace recorded. The rule is the same committed or not,
 * in a git repository or not: the spec's source text is compared with the recorded {@code spec_source}; the git
 * commits only add detail (or decide, for a workspace that recorded no source). A rerun always uses the spec as it
 * is now; a changed spec is reported, and the task definitions that changed are listed task by task.
 */
public record SpecComparison(State state, String detail) {
    public enum State {
        /** The same source (or, without a recorded source, the same git commit). */
        SAME,
        /** The source differs (or, without a recorded source, the git commit moved). */
        CHANGED,
        /** Another spec module was given on purpose (--spec): nothing to compare. */
        OTHER_MODULE,
        /** The workspace recorded neither the source nor a git commit. */
        UNKNOWN
    }

    static SpecComparison of(WorkspaceMeta recorded, SpecOrigin now, boolean otherModule) {
        if (otherModule) {
            return new SpecComparison(State.OTHER_MODULE, "given instead of the recorded "
                    + recorded.specModule().orElse("module"));
        }
        Optional<String> recordedCommit = recorded.specGitCommit().flatMap(SpecComparison::known);
        GitInfo git = now.git() == null ? GitInfo.unknown() : now.git();
        Optional<String> commitNow = git.commit();
        Optional<String> recordedSource = recorded.specSource()
                .filter(s -> !s.isBlank());
        if (recordedSource.isPresent()) {
            if (recordedSource.get().equals(now.source())) {
                return new SpecComparison(State.SAME, "unchanged since it was recorded");
            }
            String where = recordedCommit.isPresent() && commitNow.isPresent()
                    && !sameCommit(recordedCommit.get(), commitNow.get())
                    ? " (git commit " + shortCommit(recordedCommit.get()) + " -> " + shortCommit(commitNow.get()) + ")"
                    : git.dirty().orElse(false) ? " (uncommitted edits)" : "";
            return new SpecComparison(State.CHANGED, "edited since it was recorded" + where);
        }
        if (recordedCommit.isPresent() && commitNow.isPresent()) {
            return sameCommit(recordedCommit.get(), commitNow.get())
                    ? new SpecComparison(State.SAME, "at the recorded git commit " + shortCommit(commitNow.get()))
                    : new SpecComparison(State.CHANGED, "its git commit moved from " + shortCommit(recordedCommit.get())
                            + " to " + shortCommit(commitNow.get()));
        }
        return new SpecComparison(State.UNKNOWN, "the workspace recorded neither its source nor its git commit, "
                + "so edits cannot be told");
    }

    public boolean changed() {
        return state == State.CHANGED;
    }

    private static Optional<String> known(String value) {
        return Optional.of(value).filter(v -> !v.isBlank() && !v.equals(GitInfo.UNKNOWN));
    }

    private static boolean sameCommit(String a, String b) {
        int n = Math.min(a.length(), b.length());
        return n >= 7 && a.substring(0, n).equalsIgnoreCase(b.substring(0, n));
    }

    private static String shortCommit(String commit) {
        return commit.substring(0, Math.min(7, commit.length()));
    }
}
