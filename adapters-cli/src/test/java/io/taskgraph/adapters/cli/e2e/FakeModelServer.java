package io.taskgraph.adapters.cli.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.taskgraph.domain.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat completions server on 127.0.0.1 that answers from scripts, for the CLI's end-to-end
 * tests. A request belongs to the script whose marker appears in its first user message (the task prompt is
 * there verbatim), and its turn is the number of assistant messages it carries plus one, so concurrent tasks
 * get their own answers in any interleaving. Requests nobody scripted get a 400 naming what was asked.
 */
final class FakeModelServer implements AutoCloseable {
    /**
     * One scripted answer: tool calls running SQL, or a final text; optionally after a delay. A reply with an
     * error {@code status} is answered that way once ({@code retryAfter} seconds in a Retry-After header when
     * positive), and the same turn then gets the reply scripted after it.
     */
    record Reply(List<String> sql, String text, Duration delay, int status, int retryAfter) {
        static Reply sql(String... statements) {
            return new Reply(List.of(statements), "", Duration.ZERO, 200, 0);
        }

        static Reply answer(String text) {
            return new Reply(List.of(), text, Duration.ZERO, 200, 0);
        }

        /** The server is busy: {@code status} (e.g. 429) with a Retry-After of {@code seconds}. */
        static Reply busy(int status, int seconds) {
            return new Reply(List.of(), "", Duration.ZERO, status, seconds);
        }

        Reply after(Duration wait) {
            return new Reply(sql, text, wait, status, retryAfter);
        }
    }

    private final HttpServer server;
    private final Map<String, List<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Integer> errorsServed = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile BigDecimal costPerCall;

    private FakeModelServer(HttpServer server) {
        this.server = server;
    }

    static FakeModelServer start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeModelServer fake = new FakeModelServer(http);
        http.createContext("/v1/chat/completions", fake::handle);
        http.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-model");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        return fake;
    }

    /** The value for OPENROUTER_BASE_URL. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Scripts the task whose prompt contains {@code marker}; turn n gets {@code replies[n-1]}. */
    FakeModelServer script(String marker, Reply... replies) {
        scripts.put(marker, List.of(replies));
        return this;
    }

    /** Every answer reports {@code usage.cost} in dollars, as OpenRouter does; without this call, none does. */
    FakeModelServer reportCost(String dollarsPerCall) {
        costPerCall = new BigDecimal(dollarsPerCall);
        return this;
    }

    int requestCount() {
        return requests.size();
    }

    /** Parsed request bodies, in arrival order. */
    List<Map<String, Object>> requests() {
        return List.copyOf(requests);
    }

    /** The requests of the task scripted under {@code marker}. */
    List<Map<String, Object>> requests(String marker) {
        return requests.stream().filter(r -> firstUserMessage(r).contains(marker)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, Object> request = Json.parseObject(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            String prompt = firstUserMessage(request);
            int turn = assistantMessages(request) + 1;
            Reply reply = scripts.entrySet().stream().filter(e -> prompt.contains(e.getKey())).findFirst()
                    .map(e -> replyFor(e.getKey(), e.getValue(), turn)).orElse(null);
            if (reply == null) {
                respond(exchange, 400, Json.write(Map.of("error", Map.of("message",
                        "fake model server: no scripted reply for turn " + turn + " of the task whose prompt starts "
                                + prompt.substring(0, Math.min(80, prompt.length()))))));
                return;
            }
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            if (reply.status() != 200) {
                if (reply.retryAfter() > 0) {
                    exchange.getResponseHeaders().set("Retry-After", Integer.toString(reply.retryAfter()));
                }
                respond(exchange, reply.status(), Json.write(Map.of("error", Map.of("message", "scripted status " + reply.status()))));
                return;
            }
            respond(exchange, 200, completion(reply, String.valueOf(request.get("model"))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Turn n's reply, counting error replies as extra attempts of the turn that follows them. */
    private Reply replyFor(String marker, List<Reply> replies, int turn) {
        int index = 0;
        for (int t = 1; index < replies.size(); index++) {
            Reply reply = replies.get(index);
            if (reply.status() != 200) {
                String key = marker + "#" + index;
                if (t == turn && errorsServed.getOrDefault(key, 0) == 0) {
                    errorsServed.put(key, 1);
                    return reply;
                }
                continue;
            }
            if (t == turn) {
                return reply;
            }
            t++;
        }
        return null;
    }

    private String completion(Reply reply, String model) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", reply.sql().isEmpty() ? reply.text() : null);
        if (!reply.sql().isEmpty()) {
            List<Object> calls = new ArrayList<>();
            for (String sql : reply.sql()) {
                calls.add(Map.of("id", "call_" + ids.incrementAndGet(), "type", "function",
                        "function", Map.of("name", "run_sql", "arguments", Json.write(Map.of("query", sql)))));
            }
            message.put("tool_calls", calls);
        }
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("finish_reason", reply.sql().isEmpty() ? "stop" : "tool_calls");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "gen-" + ids.incrementAndGet());
        body.put("object", "chat.completion");
        body.put("model", model);
        body.put("choices", List.of(choice));
        Map<String, Object> usage = new LinkedHashMap<>(Map.of("prompt_tokens", 1200, "completion_tokens", 80,
                "total_tokens", 1280));
        if (costPerCall != null) {
            usage.put("cost", costPerCall);
        }
        body.put("usage", usage);
        return Json.write(body);
    }

    @SuppressWarnings("unchecked")
    static String firstUserMessage(Map<String, Object> request) {
        for (Object m : (List<Object>) request.getOrDefault("messages", List.of())) {
            Map<String, Object> message = (Map<String, Object>) m;
            if ("user".equals(message.get("role"))) {
                Object content = message.get("content");
                return content instanceof String s ? s : Json.write(content);
            }
        }
        return "";
    }

    @SuppressWarnings("unchecked")
    private static int assistantMessages(Map<String, Object> request) {
        int n = 0;
        for (Object m : (List<Object>) request.getOrDefault("messages", List.of())) {
            if ("assistant".equals(((Map<String, Object>) m).get("role"))) {
                n++;
            }
        }
        return n;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
