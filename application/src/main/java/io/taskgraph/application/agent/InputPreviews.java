package io.taskgraph.application.agent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The briefing's picture of each input (kind, row count, columns, sample rows), made once per run and shown to
 * every task that reads that input. Counting and sampling a view runs its whole query, so a large view read by
 * several tasks was computed again for each of them.
 *
 * <p>Sharing is sound because an input cannot change while a run goes on: a task starts only after every task it
 * reads from has passed, no other task may write that task's names, and input tables are loaded before any task
 * starts. Two tasks that ask at once share one computation; the other waits for it. A computation that throws
 * is not kept, and a task that waited for it makes its own. A task may also picture its own outputs while it waits
 * for the model, and hand the pictures over when it passes ({@link OutputPictures}).
 */
public final class InputPreviews {
    private final ConcurrentMap<String, CompletableFuture<String>> previews = new ConcurrentHashMap<>();

    /** A picture its own task took of {@code input} while it waited (see {@link OutputPictures}); the first one stays. */
    void offer(String input, String preview) {
        previews.putIfAbsent(input, CompletableFuture.completedFuture(preview));
    }

    /** The preview of {@code input}, made by {@code render} for whichever task asks first. */
    String of(String input, Supplier<String> render) {
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> existing = previews.putIfAbsent(input, mine);
        if (existing != null) {
            try {
                return existing.join();
            } catch (CompletionException e) {
                return render.get();
            }
        }
        try {
            String preview = render.get();
            mine.complete(preview);
            return preview;
        } catch (RuntimeException | Error e) {
            previews.remove(input, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
