package io.taskgraph.domain.port;

/** Loads spec modules. A spec that cannot be loaded is an {@link io.taskgraph.domain.InvalidSpecException}. */
public interface SpecLoader {
    SpecSession open(SpecRequest request);
}
