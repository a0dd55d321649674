package io.taskgraph.application.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class InputPreviewsTest {
    private final InputPreviews previews = new InputPreviews();
    // Threads of its own: the common pool may have a single thread on a small machine, which would run the two
    // tasks one after the other.
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger renders = new AtomicInteger();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private String render(String text) {
        renders.incrementAndGet();
        return text;
    }

    @Test
    void anInputIsRenderedOnceForEveryTaskThatReadsIt() {
        assertEquals("### sales (table, 3 rows)\n", previews.of("sales", () -> render("### sales (table, 3 rows)\n")));
        assertEquals("### sales (table, 3 rows)\n", previews.of("sales", () -> render("something else")));
        assertEquals(1, renders.get());
    }

    @Test
    void eachInputHasItsOwnPreview() {
        assertEquals("a", previews.of("a", () -> render("a")));
        assertEquals("b", previews.of("b", () -> render("b")));
        assertEquals(2, renders.get());
    }

    @Test
    void aTaskAskingWhileAnotherRendersWaitsForThatRendering() throws Exception {
        CountDownLatch rendering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> previews.of("sales", () -> {
            rendering.countDown();
            await(release);
            return render("first");
        }), threads);
        rendering.await(10, TimeUnit.SECONDS);
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> previews.of("sales", () -> render("second")), threads);
        release.countDown();
        assertEquals("first", first.get(10, TimeUnit.SECONDS));
        assertEquals("first", second.get(10, TimeUnit.SECONDS));
        assertEquals(1, renders.get());
    }

    @Test
    void aRenderingThatFailsIsNotKept() {
        IllegalStateException failure = new IllegalStateException("connection closed");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> previews.of("sales", () -> {
            throw failure;
        })));
        assertEquals("again", previews.of("sales", () -> render("again")));
        assertEquals("again", previews.of("sales", () -> render("not asked")));
        assertEquals(1, renders.get());
    }

    @Test
    void aTaskThatWaitedForAFailedRenderingRendersItself() throws Exception {
        CountDownLatch rendering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> previews.of("sales", () -> {
            rendering.countDown();
            await(release);
            throw new IllegalStateException("connection closed");
        }), threads);
        rendering.await(10, TimeUnit.SECONDS);
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> previews.of("sales", () -> render("mine")), threads);
        release.countDown();
        assertThrows(Exception.class, () -> first.get(10, TimeUnit.SECONDS));
        assertEquals("mine", second.get(10, TimeUnit.SECONDS));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
