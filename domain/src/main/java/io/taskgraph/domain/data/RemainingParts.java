package io.taskgraph.domain.data;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The files after the first of a source written in parts, in row order. Each becomes readable while the engine
 * reads the ones before it, so that writing the data and loading it overlap instead of following each other.
 */
public interface RemainingParts {
    /** A source in one file. */
    RemainingParts NONE = Optional::empty;

    /**
     * The next part once it is completely written, waiting for it if need be; empty when no part is left. Errors
     * writing it name the input: {@link io.taskgraph.domain.InvalidSpecException}; after one, no part follows.
     */
    Optional<Path> next();
}
