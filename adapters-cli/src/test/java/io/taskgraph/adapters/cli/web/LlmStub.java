package io.taskgraph.adapters.cli.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An OpenAI-compatible chat completions server on 127.0.0.1 that plays scripted agents. A task's prompt names
 * its script with a marker {@code [script:KEY]}; the reply to a request is the script's step number n, where n
 * is the number of assistant turns already in the conversation. That keeps concurrent tasks and runs apart
 * without shared state. A step may be held until the test releases it, to look at a run while it is running.
 */
final class LlmStub implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern MARKER = Pattern.compile("\\[script:([A-Za-z0-9_]+)]");

    /** One agent turn: a {@code run_sql} call, or a final answer when {@code sql} is null. */
    record Step(String sql, String answer) {
        static Step sql(String sql) {
            return new Step(sql, null);
        }

        static Step answer(String text) {
            return new Step(null, text);
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final Map<String, List<Step>> scripts = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> reached = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> perScript = new ConcurrentHashMap<>();
    private final List<String> models = java.util.Collections.synchronizedList(new ArrayList<>());
    /** What every answer says its call cost ({@code usage.cost}, as OpenRouter reports it); null for no cost at all. */
    private volatile BigDecimal costPerCall;

    LlmStub() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return answer(request);
            }
        });
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    }

    /** The base URL to put in OPENROUTER_BASE_URL. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/v1";
    }

    void script(String key, Step... steps) {
        scripts.put(key, List.of(steps));
    }

    /** Holds the reply to step {@code step} of script {@code key} until {@link #release}. */
    void hold(String key, int step) {
        holds.put(key + "#" + step, new CountDownLatch(1));
        reached.put(key + "#" + step, new CountDownLatch(1));
    }

    /** Waits until the held step has been asked for (the agent is then mid-run). */
    void awaitHeld(String key, int step) throws InterruptedException {
        if (!reached.get(key + "#" + step).await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the agent never asked for step " + step + " of script " + key);
        }
    }

    void release(String key, int step) {
        holds.get(key + "#" + step).countDown();
    }

    void releaseAll() {
        holds.values().forEach(CountDownLatch::countDown);
    }

    /** From now on every answer reports {@code usage.cost} in dollars, as OpenRouter does. */
    void reportCost(String dollarsPerCall) {
        costPerCall = new BigDecimal(dollarsPerCall);
    }

    /** From now on answers report no cost, as a local llama.cpp or vLLM server does (the default). */
    void reportNoCost() {
        costPerCall = null;
    }

    int requests() {
        return requests.get();
    }

    /** Model calls made for script {@code key} so far. */
    int requestsFor(String key) {
        return perScript.getOrDefault(key, new AtomicInteger()).get();
    }

    List<String> models() {
        return List.copyOf(models);
    }

    private MockResponse answer(RecordedRequest request) throws InterruptedException {
        requests.incrementAndGet();
        JsonNode body;
        try {
            body = MAPPER.readTree(request.getBody().utf8());
        } catch (JsonProcessingException e) {
            return json(400, Map.of("error", Map.of("code", 400, "message", "not JSON")));
        }
        models.add(body.path("model").asText());
        String key = null;
        int assistantTurns = 0;
        for (JsonNode message : body.path("messages")) {
            if ("assistant".equals(message.path("role").asText())) {
                assistantTurns++;
            }
            Matcher m = MARKER.matcher(message.path("content").asText(""));
            if (key == null && m.find()) {
                key = m.group(1);
            }
        }
        if (key != null) {
            perScript.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }
        List<Step> script = key == null ? List.of() : scripts.getOrDefault(key, List.of());
        String id = key + "#" + assistantTurns;
        if (reached.containsKey(id)) {
            reached.get(id).countDown();
        }
        if (holds.containsKey(id) && !holds.get(id).await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("held step " + id + " was never released");
        }
        Step step = assistantTurns < script.size() ? script.get(assistantTurns) : Step.answer("Done.");
        return json(200, completion(step, id, costPerCall));
    }

    private static Map<String, Object> completion(Step step, String id, BigDecimal cost) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        if (step.sql() != null) {
            message.put("content", null);
            String arguments = write(Map.of("query", step.sql()));
            message.put("tool_calls", List.of(Map.of("id", "call_" + id.replace('#', '_'), "type", "function",
                    "function", Map.of("name", "run_sql", "arguments", arguments))));
        } else {
            message.put("content", step.answer());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "gen-" + id);
        body.put("object", "chat.completion");
        body.put("choices", List.of(Map.of("index", 0, "finish_reason", step.sql() != null ? "tool_calls" : "stop",
                "message", message)));
        Map<String, Object> usage = new LinkedHashMap<>(Map.of("prompt_tokens", 100, "completion_tokens", 20,
                "total_tokens", 120));
        if (cost != null) {
            usage.put("cost", cost);
        }
        body.put("usage", usage);
        return body;
    }

    private static MockResponse json(int code, Object body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(write(body)).build();
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        releaseAll();
        server.close();
    }
}
