package io.taskgraph.adapters.web.http;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import io.taskgraph.adapters.web.error.WebException;
import io.taskgraph.adapters.web.run.RunJournal;
import io.taskgraph.adapters.web.run.WebRun;
import java.time.Duration;

/**
 * {@code GET /api/run/{id}/stream}: the run's journal as Server-Sent Events. A client first gets everything
 * that already happened, then live events as they come; the stream ends after the {@code result} event.
 * Each event carries its index as SSE id, so a browser that reconnects (sending {@code Last-Event-ID})
 * continues where it stopped instead of seeing the history twice.
 */
final class RunStream {
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private RunStream() {
    }

    static void serve(Context ctx, WebRun run, OpenStreams streams) throws Exception {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new WebException(io.taskgraph.adapters.web.error.Problem.BAD_INPUT,
                    "This endpoint streams Server-Sent Events: send 'Accept: text/event-stream' (EventSource does).");
        }
        int from = resumeIndex(ctx.header("Last-Event-ID"));
        new SseHandler(client -> {
            streams.opened();
            try {
                pump(client, run.journal(), from);
            } finally {
                streams.closed();
            }
        }).handle(ctx);
    }

    private static int resumeIndex(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(lastEventId.strip()) + 1);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Runs on Javalin's async executor: one loop per connected client, each at its own pace. */
    private static void pump(SseClient client, RunJournal journal, int from) {
        int next = from;
        try {
            while (!client.terminated()) {
                RunJournal.Page page = journal.read(next, KEEP_ALIVE);
                for (RunJournal.Entry entry : page.entries()) {
                    client.sendEvent(entry.event().name(), entry.event().data(), Integer.toString(entry.index()));
                }
                next += page.entries().size();
                if (page.finished() && next >= journal.size()) {
                    break;
                }
                if (page.entries().isEmpty()) {
                    client.sendComment("still running");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.close();
        }
    }
}
