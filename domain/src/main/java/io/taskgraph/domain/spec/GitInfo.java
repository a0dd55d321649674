package io.taskgraph.domain.spec;

import java.util.Optional;

/** Where the spec's source sat in version control when it was loaded; all empty when unknown. */
public record GitInfo(Optional<String> root, Optional<String> commit, Optional<Boolean> dirty) {
    public static final String UNKNOWN = "unknown";

    public static GitInfo unknown() {
        return new GitInfo(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean known() {
        return commit.isPresent();
    }
}
