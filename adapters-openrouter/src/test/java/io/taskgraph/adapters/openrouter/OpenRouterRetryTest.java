package io.taskgraph.adapters.openrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.LlmException;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.llm.ChatMessage;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.llm.Usage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which failures are tried again, how long the client waits, and what it tells the user when it gives up. */
class OpenRouterRetryTest {
    private static final String KEY = "sk-or-v1-0123456789abcdef-retry-secret";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final ChatResponse DONE = new ChatResponse(new ChatMessage.Assistant("done", List.of()),
            new Usage(10, 2, 0, 0));

    private final List<Duration> slept = new CopyOnWriteArrayList<>();
    private final List<RunEvent> events = new CopyOnWriteArrayList<>();
    private MockWebServer server;
    private OpenRouterClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = client(OpenRouterConfig.of(server.url("/v1").toString(), KEY));
    }

    private OpenRouterClient client(OpenRouterConfig config) {
        return OpenRouterClient.builder(config)
                .listener(events::add)
                .sleeper(slept::add)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .jitter(() -> 0.5)
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static ChatRequest request() {
        return new ChatRequest("prep", 3, "openai/gpt-5.2", ReasoningEffort.LOW,
                List.of(new ChatMessage.User("hi")), List.of());
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis((long) (s * 1000));
    }

    private List<RunEvent.LlmRetrying> retries() {
        return events.stream().map(RunEvent.LlmRetrying.class::cast).toList();
    }

    @Test
    void serverErrorsAreRetriedWithBackoffDoublingFromThreeSecondsToThirtyPlusJitter() {
        for (int i = 0; i < 8; i++) {
            server.enqueue(OpenAiJson.error(503, "upstream overloaded"));
        }
        server.enqueue(OpenAiJson.ok(DONE));

        ChatResponse response = client.complete(request());

        assertEquals(DONE, response);
        assertEquals(9, server.getRequestCount());
        assertEquals(List.of(seconds(3.5), seconds(6.5), seconds(12.5), seconds(24.5),
                seconds(30.5), seconds(30.5), seconds(30.5), seconds(30.5)), slept);
        assertEquals(8, events.size());
        for (int i = 0; i < 8; i++) {
            assertEquals(new RunEvent.LlmRetrying("prep", i + 1, slept.get(i), "HTTP 503: upstream overloaded"),
                    events.get(i));
        }
    }

    @Test
    void givingUpAfterEightRetriesNamesTaskTurnAttemptsAndLastReason() {
        for (int i = 0; i < 9; i++) {
            server.enqueue(OpenAiJson.error(i < 8 ? 502 : 500, i < 8 ? "bad gateway" : "internal failure"));
        }

        LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));

        assertEquals("The model call of task 'prep' (turn 3) failed 9 times in a row; the last error: "
                + "HTTP 500: internal failure. The server at " + server.url("/v1").toString().replaceAll("/$", "")
                + " may be down or overloaded; try again later.", e.getMessage());
        assertFalse(e.isConfiguration());
        assertEquals(9, server.getRequestCount());
        assertEquals(8, slept.size());
    }

    @Test
    void retryAfterInSecondsWinsOverBackoff() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7")
                .body("{\"error\": {\"code\": 429, \"message\": \"Rate limit exceeded\"}}").build());
        server.enqueue(OpenAiJson.ok(DONE));

        assertEquals(DONE, client.complete(request()));

        assertEquals(List.of(Duration.ofSeconds(7)), slept);
        assertEquals(List.of(new RunEvent.LlmRetrying("prep", 1, Duration.ofSeconds(7),
                "HTTP 429: Rate limit exceeded")), retries());
    }

    @Test
    void retryAfterAsAnHttpDateWaitsUntilThatMoment() {
        String in20s = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(20).atZone(ZoneOffset.UTC));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(5).atZone(ZoneOffset.UTC));
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", in20s).build());
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", past).build());
        server.enqueue(OpenAiJson.ok(DONE));

        assertEquals(DONE, client.complete(request()));

        assertEquals(List.of(Duration.ofSeconds(20), Duration.ZERO), slept);
    }

    @Test
    void anUnreadableRetryAfterFallsBackToBackoff() {
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "soon").build());
        server.enqueue(OpenAiJson.ok(DONE));

        client.complete(request());

        assertEquals(List.of(seconds(3.5)), slept);
    }

    @Test
    void aSlowServerTimesOutAndIsRetried() {
        client.close();
        client = client(OpenRouterConfig.of(server.url("/v1").toString(), KEY).withReadTimeout(Duration.ofMillis(200)));
        server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS)
                .body(OpenAiJson.completion(DONE)).build());
        server.enqueue(OpenAiJson.ok(DONE));

        assertEquals(DONE, client.complete(request()));

        assertEquals(1, retries().size());
        assertTrue(retries().get(0).reason().startsWith("no response within 200 ms"), retries().get(0).reason());
    }

    @Test
    void aDroppedConnectionIsRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(OpenAiJson.ok(DONE));

        assertEquals(DONE, client.complete(request()));

        assertEquals(1, retries().size());
        assertTrue(retries().get(0).reason().startsWith("network error: "), retries().get(0).reason());
    }

    @Test
    void anInvalidJsonBodyIsRetried() {
        server.enqueue(OpenAiJson.json(200, "{\"choices\": [ {\"message\": "));
        server.enqueue(OpenAiJson.ok(DONE));

        assertEquals(DONE, client.complete(request()));

        assertEquals("the response is not valid JSON: {\"choices\": [ {\"message\":", retries().get(0).reason());
    }

    @Test
    void anErrorInsideA200WithAServerErrorCodeIsRetried() {
        server.enqueue(OpenAiJson.json(200, """
                {"error": {"code": 502, "message": "Provider returned error",
                           "metadata": {"raw": "upstream connect error"}}}
                """));
        server.enqueue(OpenAiJson.ok(DONE));

        assertEquals(DONE, client.complete(request()));

        assertEquals("the server reported an error (code 502): Provider returned error (upstream connect error)",
                retries().get(0).reason());
    }

    @Test
    void anErrorInsideA200WithAClientErrorCodeFailsAtOnce() {
        server.enqueue(OpenAiJson.json(200, "{\"error\": {\"code\": 400, \"message\": \"context length exceeded\"}}"));

        LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));

        assertEquals("The model server refused the call of task 'prep' (turn 3): the server reported an error "
                + "(code 400): context length exceeded.", e.getMessage());
        assertEquals(1, server.getRequestCount());
        assertTrue(slept.isEmpty());
    }

    @Test
    void a200WithoutChoicesIsAnErrorAndRetried() {
        server.enqueue(OpenAiJson.json(200, "{\"id\": \"gen-1\", \"choices\": []}"));
        server.enqueue(OpenAiJson.ok(DONE));

        assertEquals(DONE, client.complete(request()));

        assertEquals("the response has no choices: {\"id\": \"gen-1\", \"choices\": []}", retries().get(0).reason());
    }

    private String base() {
        return server.url("/v1").toString().replaceAll("/$", "");
    }

    private LlmException accessDenied(MockResponse response) {
        server.enqueue(response);
        server.enqueue(OpenAiJson.ok(DONE)); // never asked for: the refusal is not retried
        LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));
        assertEquals(LlmException.Kind.ACCESS_DENIED, e.kind());
        assertTrue(e.stopsRun() && e.isConfiguration(), e.getMessage());
        assertEquals(1, server.getRequestCount(), "one call, no retry");
        assertTrue(slept.isEmpty() && events.isEmpty(), "no waiting, no retry event");
        return e;
    }

    @Test
    void unauthorizedIsAnAccessRefusalThatStopsTheRunSayingToCheckTheKey() {
        LlmException e = accessDenied(OpenAiJson.error(401, "No auth credentials found"));

        assertEquals("The model server at " + base() + " rejected the API key on the call of task 'prep' (turn 3): "
                + "HTTP 401: No auth credentials found. Check OPENROUTER_API_KEY (environment or .env): it may be "
                + "mistyped, revoked or expired; OpenRouter keys are at https://openrouter.ai/keys.", e.getMessage());
        assertEquals("HTTP 401: No auth credentials found", e.detail());
    }

    @Test
    void paymentRequiredIsAnAccessRefusalSayingToAddCredit() {
        LlmException e = accessDenied(OpenAiJson.error(402, "Insufficient credits. Add more using https://openrouter.ai/credits."));

        assertEquals("The model server at " + base() + " refused the call for lack of credit on the call of task "
                + "'prep' (turn 3): HTTP 402: Insufficient credits. Add more using https://openrouter.ai/credits. Add "
                + "credit to the account of OPENROUTER_API_KEY (on OpenRouter: https://openrouter.ai/settings/credits), "
                + "or raise the key's credit limit.", e.getMessage());
    }

    @Test
    void forbiddenIsAnAccessRefusalNamingTheModel() {
        LlmException e = accessDenied(OpenAiJson.error(403, "Key is disabled"));

        assertEquals("The model server at " + base() + " refused access on the call of task 'prep' (turn 3): HTTP "
                + "403: Key is disabled. Check that the key in OPENROUTER_API_KEY may use model 'openai/gpt-5.2' (the "
                + "key's allowed models, limits and guardrails), or choose another model with -m.", e.getMessage());
    }

    @Test
    void notFoundIsAnAccessRefusalNamingTheModelAndTheBaseUrl() {
        LlmException e = accessDenied(OpenAiJson.json(404, "{\"error\": {\"message\": \"No endpoints found for openai/gpt-9\"}}"));

        assertEquals("The model server at " + base() + " does not know the model or the endpoint on the call of task "
                + "'prep' (turn 3): HTTP 404: No endpoints found for openai/gpt-9. Check the model id 'openai/gpt-5.2' "
                + "(-m) and OPENROUTER_BASE_URL.", e.getMessage());
    }

    @Test
    void anAccessRefusalInsideA200BodyIsOneToo() {
        LlmException e = accessDenied(OpenAiJson.json(200, "{\"error\": {\"code\": 402, \"message\": \"Out of credit\"}}"));

        assertTrue(e.getMessage().contains("refused the call for lack of credit on the call of task 'prep' (turn 3): "
                + "the server reported an error (code 402): Out of credit. Add credit"), e.getMessage());
    }

    @Test
    void rateLimitsAndServerErrorsAreStillRetriedAndNeverStopTheRun() {
        server.enqueue(OpenAiJson.error(429, "Rate limit exceeded"));
        server.enqueue(OpenAiJson.error(500, "internal failure"));
        server.enqueue(OpenAiJson.error(502, "bad gateway"));
        server.enqueue(OpenAiJson.ok(DONE));

        assertEquals(DONE, client.complete(request()));
        assertEquals(3, retries().size());

        OpenRouterClient impatient = OpenRouterClient.builder(OpenRouterConfig.of(server.url("/v1").toString(), KEY))
                .retryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .sleeper(slept::add).build();
        server.enqueue(OpenAiJson.error(429, "Rate limit exceeded"));
        server.enqueue(OpenAiJson.error(503, "no provider"));
        LlmException e = assertThrows(LlmException.class, () -> impatient.complete(request()));
        impatient.close();
        assertEquals(LlmException.Kind.CALL_FAILED, e.kind());
        assertFalse(e.stopsRun(), e.getMessage());
    }

    @Test
    void otherClientErrorsFailAtOnceWithThePlainTextBody() {
        server.enqueue(new MockResponse.Builder().code(400).body("Bad request: messages must not be empty").build());

        LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));

        assertEquals("The model server refused the call of task 'prep' (turn 3): HTTP 400: Bad request: messages "
                + "must not be empty.", e.getMessage());
        assertFalse(e.isConfiguration());
        assertTrue(slept.isEmpty());
    }

    @Test
    void theApiKeyNeverLeaksIntoMessagesEventsOrDescriptions() {
        server.enqueue(OpenAiJson.error(500, "crash while handling key " + KEY));
        server.enqueue(OpenAiJson.error(401, "Invalid key: " + KEY + " (Bearer " + KEY + ")"));

        LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));

        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        assertTrue(e.getMessage().contains("Invalid key: [redacted] (Bearer [redacted])"), e.getMessage());
        assertEquals("HTTP 500: crash while handling key [redacted]", retries().get(0).reason());
        assertFalse(events.toString().contains(KEY));
        assertFalse(client.toString().contains(KEY), client.toString());
    }

    @Test
    void interruptionDuringTheWaitStopsRetrying() {
        client.close();
        client = OpenRouterClient.builder(OpenRouterConfig.of(server.url("/v1").toString(), KEY))
                .sleeper(delay -> {
                    throw new InterruptedException("stop");
                }).build();
        server.enqueue(OpenAiJson.error(503, "busy"));

        LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));

        assertEquals("The model call of task 'prep' (turn 3) was interrupted because the run is stopping.",
                e.getMessage());
        assertTrue(Thread.interrupted(), "the interrupt flag is restored (and cleared here for the next test)");
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void zeroRetriesGivesUpAfterTheFirstAttempt() {
        client.close();
        client = OpenRouterClient.builder(OpenRouterConfig.of(server.url("/v1").toString(), KEY))
                .retryPolicy(new RetryPolicy(0, Duration.ofSeconds(3), Duration.ofSeconds(30), Duration.ZERO,
                        Duration.ofMinutes(1)))
                .sleeper(slept::add).build();
        server.enqueue(OpenAiJson.error(503, "busy"));

        LlmException e = assertThrows(LlmException.class, () -> client.complete(request()));

        assertTrue(e.getMessage().contains("failed once; the last error: HTTP 503: busy"), e.getMessage());
        assertEquals(Collections.emptyList(), slept);
    }
}
