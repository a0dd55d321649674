package io.taskgraph.adapters.openrouter;

import java.time.Duration;

/** Waits between retries; tests inject one that records the delays instead of waiting. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = delay -> Thread.sleep(delay.toMillis());

    void sleep(Duration delay) throws InterruptedException;
}
