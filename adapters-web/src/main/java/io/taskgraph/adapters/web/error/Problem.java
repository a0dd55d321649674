package io.taskgraph.adapters.web.error;

import io.taskgraph.domain.ErrorCategory;
import java.util.Optional;

/**
 * The kinds of request the web app refuses on its own, before any use case runs. Most are one of the domain's
 * {@link ErrorCategory}s, and get that category's status; two are about HTTP itself and have a status of their own.
 */
public enum Problem {
    /** The request's input is wrong (missing or unknown field, bad file name). */
    BAD_INPUT(ErrorCategory.BAD_INPUT),
    /** No such run, file or view. */
    NOT_FOUND(ErrorCategory.NOT_FOUND),
    /** The request asks for something the run cannot give yet (e.g. the .db while it still runs). */
    NOT_READY(ErrorCategory.CONFLICT),
    /** An upload breaks the size or count limits: 413. */
    TOO_LARGE(null),
    /** The request came from another web site (a cross-origin form post): 403. */
    FORBIDDEN(null);

    private final ErrorCategory category;

    Problem(ErrorCategory category) {
        this.category = category;
    }

    /** The domain's category of this problem; empty for the two that only HTTP has. */
    public Optional<ErrorCategory> category() {
        return Optional.ofNullable(category);
    }
}
