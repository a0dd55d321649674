package io.taskgraph.adapters.web.http;

import java.time.Duration;

/**
 * Counts the event streams being sent, so a stopping server can let them deliver a run's last events
 * ({@code done}, {@code result}) before it closes their connections.
 */
public final class OpenStreams {
    private int open;

    synchronized void opened() {
        open++;
    }

    synchronized void closed() {
        open--;
        notifyAll();
    }

    /** Waits until no stream is being sent, at most {@code wait}; true when they all finished. */
    public synchronized boolean awaitNone(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (open > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
