package io.taskgraph.domain.port;

import io.taskgraph.domain.event.RunEvent;

/** Receives run events as they happen, from several task threads at once: implementations are thread-safe. */
@FunctionalInterface
public interface RunListener {
    RunListener NONE = event -> { };

    void on(RunEvent event);
}
