package io.taskgraph.adapters.openrouter;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;

/**
 * Runs an OkHttp call so that interrupting the waiting thread cancels it. OkHttp's blocking {@code execute()}
 * ignores interrupts, and a reasoning model can take minutes to answer: without this, Ctrl-C would wait for it.
 */
final class InterruptibleCall {
    private InterruptibleCall() {
    }

    /** The response (the caller closes it); an interrupt cancels the call and throws InterruptedIOException. */
    static Response execute(Call call) throws IOException {
        CompletableFuture<Response> response = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                response.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call answered, Response r) {
                if (!response.complete(r)) {
                    r.close();
                }
            }
        });
        try {
            return response.get();
        } catch (InterruptedException e) {
            call.cancel();
            response.cancel(false);
            Thread.currentThread().interrupt();
            InterruptedIOException stopped = new InterruptedIOException("the model call was cancelled");
            stopped.initCause(e);
            throw stopped;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }
}
