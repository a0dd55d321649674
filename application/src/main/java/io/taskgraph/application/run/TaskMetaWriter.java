package io.taskgraph.application.run;

import io.taskgraph.domain.meta.TaskMeta;
import io.taskgraph.domain.port.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes each settled task's metadata on a thread of its own, in the order the tasks settled, so that the
 * scheduler starts the tasks downstream without waiting for the write (a DELETE, an INSERT and a commit: ~5 ms a
 * task, which a layer of five tasks settling together paid one after the other on the path to the next layer).
 * {@link #finish()} waits for every write and reports the first that failed.
 */
final class TaskMetaWriter implements AutoCloseable {
    private final Workspace workspace;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "taskgraph-task-metadata");
        t.setDaemon(true);
        return t;
    });
    private final List<Future<?>> writes = new ArrayList<>();

    TaskMetaWriter(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Queues the write of {@code task}'s metadata behind the writes queued before it. */
    void write(String task, TaskMeta meta) {
        writes.add(thread.submit(() -> workspace.putTaskMeta(task, meta)));
    }

    /** Waits until every queued write is done; rethrows the first failure, with any later ones suppressed. */
    void finish() {
        RuntimeException first = null;
        for (Future<?> write : writes) {
            try {
                awaitUninterruptibly(write);
            } catch (ExecutionException e) {
                RuntimeException failure = e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException(e.getCause());
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        writes.clear();
        if (first != null) {
            throw first;
        }
    }

    /** A write already under way is let finish even when the run is interrupted: the file stays consistent. */
    private static void awaitUninterruptibly(Future<?> write) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    write.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
