package io.taskgraph.domain.port;

/** Loads spec modules. A spec that cannot be loaded is an {@link io.taskgraph.domain.InvalidSpecException}. */
public interface SpecLoader {
    SpecSession open(SpecRequest request);

    /**
     * Stops whatever this loader's spec modules are doing, for a run that was cancelled: an import, an input's
     * loader or an export that blocks (on stdin, the network, a sleep) ends at once. The call waiting on it, any later
     * call on this loader's sessions and any later {@link #open} fail with an
     * {@link io.taskgraph.domain.InvalidSpecException}. Safe from any thread; the default has nothing to stop.
     */
    default void stop() {
    }
}
