package io.taskgraph.adapters.web.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Everything a run has streamed so far, in order, kept for clients that connect late: an append-only list of
 * Server-Sent Events that readers page through by index. Writers are the run's task threads; readers are the
 * streams of any number of browsers, each at its own pace, so a slow reader never holds up the run.
 */
public final class RunJournal {
    /** One event to stream: its SSE event name and its one-line data. */
    public record Event(String name, String data) {
        public Event {
            if (name.isBlank() || data.indexOf('\n') >= 0 || data.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("SSE events need a name and one line of data: " + name);
            }
        }
    }

    /** One streamed event; {@code index} is its position, sent as the SSE id so a reconnect can resume. */
    public record Entry(int index, Event event) {
    }

    /** What a reader got: the entries from its index on, and whether the journal is complete. */
    public record Page(List<Entry> entries, boolean finished) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition grown = lock.newCondition();
    private final List<Entry> entries = new ArrayList<>();
    private boolean finished;

    /** Adds an event; ignored once the journal is finished (a run's late stragglers cannot follow its result). */
    public void append(Event event) {
        lock.lock();
        try {
            if (finished) {
                return;
            }
            entries.add(new Entry(entries.size(), event));
            grown.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Appends the last events and marks the journal complete, atomically: readers see all of them or none. */
    public void finish(List<Event> lastEvents) {
        lock.lock();
        try {
            if (finished) {
                return;
            }
            for (Event event : lastEvents) {
                entries.add(new Entry(entries.size(), event));
            }
            finished = true;
            grown.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean finished() {
        lock.lock();
        try {
            return finished;
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The entries from {@code from} on; waits up to {@code wait} when there are none yet and the journal is
     * still open. An empty page that is not finished means "nothing new yet".
     */
    public Page read(int from, Duration wait) throws InterruptedException {
        lock.lock();
        try {
            long nanos = wait.toNanos();
            while (entries.size() <= from && !finished && nanos > 0) {
                nanos = grown.awaitNanos(nanos);
            }
            int start = Math.min(Math.max(from, 0), entries.size());
            return new Page(List.copyOf(entries.subList(start, entries.size())), finished);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the journal is finished; false if {@code wait} passed first. */
    public boolean awaitFinished(long wait, TimeUnit unit) throws InterruptedException {
        lock.lock();
        try {
            long nanos = unit.toNanos(wait);
            while (!finished && nanos > 0) {
                nanos = grown.awaitNanos(nanos);
            }
            return finished;
        } finally {
            lock.unlock();
        }
    }
}
