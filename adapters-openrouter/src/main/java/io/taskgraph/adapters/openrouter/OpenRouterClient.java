package io.taskgraph.adapters.openrouter;

import io.taskgraph.domain.LlmException;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.RunListener;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * {@link LlmClient} for OpenRouter and any other OpenAI-compatible chat completions server. One instance holds one
 * OkHttp client (one connection pool) for all tasks of a run; it is safe to call from several task threads.
 * Transient failures are retried per {@link RetryPolicy}, each retry published as {@link RunEvent.LlmRetrying};
 * the API key never appears in a message, an event or a reason.
 */
public final class OpenRouterClient implements LlmClient, AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json");

    private final OpenRouterConfig config;
    private final RunListener listener;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DoubleSupplier random;
    private final OkHttpClient http;
    /** Parsed once: OkHttp parses a URL given as text on every request. */
    private final HttpUrl completionsUrl;
    /** Whether the first call has started {@link WireWarmUp}. */
    private final AtomicBoolean warmedUp = new AtomicBoolean();

    public OpenRouterClient(OpenRouterConfig config, RunListener listener) {
        this(builder(config).listener(listener));
    }

    private OpenRouterClient(Builder builder) {
        this.config = builder.config;
        this.listener = builder.listener;
        this.policy = builder.policy;
        this.sleeper = builder.sleeper;
        this.clock = builder.clock;
        this.random = builder.random;
        this.completionsUrl = HttpUrl.get(config.chatCompletionsUrl());
        // Calls run on OkHttp's dispatcher (so an interrupt can cancel them): let every concurrent task through.
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(256);
        dispatcher.setMaxRequestsPerHost(256);
        this.http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .socketFactory(new NoDelaySocketFactory())
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .build();
    }

    public static Builder builder(OpenRouterConfig config) {
        return new Builder(config);
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        if (!warmedUp.getAndSet(true)) {
            WireWarmUp.inBackground(request);
        }
        Request http = new Request.Builder()
                .url(completionsUrl)
                .header("Authorization", "Bearer " + config.apiKey())
                .header("X-Title", "Taskgraph")
                .post(RequestBody.create(ChatPayload.json(request), JSON))
                .build();
        for (int attempt = 1; ; attempt++) {
            CompletionBody.Outcome outcome = attempt(http, request);
            if (outcome instanceof CompletionBody.Answer answer) {
                return answer.response();
            }
            CallFailure failure = ((CompletionBody.Failed) outcome).failure();
            if (!failure.retryable()) {
                throw refused(request, failure);
            }
            if (attempt > policy.maxRetries()) {
                String times = attempt == 1 ? "once" : attempt + " times in a row";
                throw new LlmException("The model call of task '" + request.task() + "' (turn " + request.turn()
                        + ") failed " + times + "; the last error: " + failure.reason()
                        + ". The server at " + config.baseUrl() + " may be down or overloaded; try again later.",
                        false);
            }
            Duration delay = failure.retryAfter() != null
                    ? policy.honour(failure.retryAfter())
                    : policy.backoff(attempt, random.getAsDouble());
            listener.on(new RunEvent.LlmRetrying(request.task(), attempt, delay, failure.reason()));
            pause(delay, request);
        }
    }

    /** One HTTP exchange: the answer, or the {@link CallFailure} explaining why there is none. */
    private CompletionBody.Outcome attempt(Request http, ChatRequest request) {
        try (Response response = InterruptibleCall.execute(this.http.newCall(http))) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (response.code() == 200) {
                CompletionBody.Outcome outcome = CompletionBody.read(text,
                        "call_" + request.task() + "_" + request.turn() + "_");
                if (outcome instanceof CompletionBody.Failed failed) {
                    CallFailure failure = failed.failure();
                    return failed(new CallFailure(redact(failure.reason()), failure.kind(), failure.status(), null));
                }
                return outcome;
            }
            String reason = "HTTP " + response.code() + ": "
                    + redact(CompletionBody.serverMessage(text, response.message()));
            Duration retryAfter = RetryPolicy.parseRetryAfter(response.header("Retry-After"), clock).orElse(null);
            return failed(CallFailure.of(reason, response.code(), retryAfter));
        } catch (SocketTimeoutException e) {
            stopIfInterrupted(request, e);
            return failed(CallFailure.transientFailure("no response within " + describe(config.readTimeout())
                    + " (" + redact(e.getMessage()) + ")"));
        } catch (IOException e) {
            stopIfInterrupted(request, e);
            return failed(CallFailure.transientFailure("network error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + redact(e.getMessage()))));
        }
    }

    private static CompletionBody.Outcome failed(CallFailure failure) {
        return new CompletionBody.Failed(failure);
    }

    private LlmException refused(ChatRequest request, CallFailure failure) {
        String where = "task '" + request.task() + "' (turn " + request.turn() + ")";
        return switch (failure.kind()) {
            case ACCESS_DENIED -> new LlmException("The model server at " + config.baseUrl() + " "
                    + AccessDenied.what(failure.status()) + " on the call of " + where + ": "
                    + AccessDenied.withoutFinalDot(failure.reason()) + ". " + AccessDenied.fix(failure.status(),
                    request.model()), LlmException.Kind.ACCESS_DENIED, AccessDenied.withoutFinalDot(failure.reason()));
            case REFUSED -> new LlmException("The model server refused the call of " + where + ": "
                    + failure.reason() + ".", false);
            case TRANSIENT -> throw new IllegalStateException("a transient failure is retried, not refused");
        };
    }

    private void pause(Duration delay, ChatRequest request) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(request, e);
        }
    }

    private static void stopIfInterrupted(ChatRequest request, IOException e) {
        if (Thread.currentThread().isInterrupted() || e instanceof InterruptedIOException
                && !(e instanceof SocketTimeoutException)) {
            throw interrupted(request, e);
        }
    }

    private static LlmException interrupted(ChatRequest request, Exception cause) {
        return new LlmException("The model call of task '" + request.task() + "' (turn " + request.turn()
                + ") was interrupted because the run is stopping.", false, cause);
    }

    private String redact(String text) {
        return Secrets.redact(text, config.apiKey());
    }

    private static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds > 0 && seconds % 60 == 0 ? seconds / 60 + " min"
                : seconds > 0 ? seconds + " s" : duration.toMillis() + " ms";
    }

    /** Releases the connection pool and the dispatcher threads. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "OpenRouterClient[" + config + "]";
    }

    /** Options of an {@link OpenRouterClient}; tests swap the sleeper, clock and jitter to run without waiting. */
    public static final class Builder {
        private final OpenRouterConfig config;
        private RunListener listener = RunListener.NONE;
        private RetryPolicy policy = RetryPolicy.DEFAULT;
        private Sleeper sleeper = Sleeper.REAL;
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder(OpenRouterConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        public Builder listener(RunListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The clock {@code Retry-After} dates are measured against. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Source of jitter, values in [0, 1). */
        public Builder jitter(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public OpenRouterClient build() {
            return new OpenRouterClient(this);
        }
    }
}
