package io.taskgraph.adapters.cli.progress;

import io.taskgraph.domain.port.RunListener;

/** A {@link RunListener} that draws a run for a person; {@link #close} settles the display for the summary. */
public interface ProgressRenderer extends RunListener, AutoCloseable {
    /** A message from the CLI itself (e.g. "stopping after Ctrl-C"), shown among the run's own lines. */
    void note(String text);

    @Override
    void close();
}
