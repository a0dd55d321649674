package io.taskgraph.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible chat completions server on 127.0.0.1 that answers from scripts. A request belongs to the
 * script whose {@code [[bench:NAME]]} marker is in its first user message (the task prompt is there verbatim);
 * its turn is the number of assistant messages it carries plus one.
 *
 * <p>It is as cheap as it can be, because its time counts in every figure the benchmarks print: it never parses
 * the conversation (which grows with every tool call), it only finds the marker and counts
 * {@code "role":"assistant"} in the raw body, and writes the answer with a string builder.
 */
final class ScriptedModel implements AutoCloseable {
    /** What the model says on one turn: tool calls running SQL, or a final text; after a delay. */
    record Reply(List<String> sql, String text, long delayMillis) {
        static Reply sql(List<String> statements) {
            return new Reply(List.copyOf(statements), "", 0);
        }

        static Reply sql(String statement) {
            return sql(List.of(statement));
        }

        static Reply done() {
            return new Reply(List.of(), "Done.", 0);
        }

        Reply after(long millis) {
            return new Reply(sql, text, millis);
        }
    }

    /** The answers of a scripted task (named by its marker), by turn (1-based); null when the turn is not scripted. */
    @FunctionalInterface
    interface Script {
        Reply reply(String name, int turn);
    }

    private static final String MARKER = "[[bench:";
    private static final String ASSISTANT = "\"role\":\"assistant\"";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();
    private final AtomicLong firstRequestNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastAnswerNanos = new AtomicLong(Long.MIN_VALUE);

    private ScriptedModel(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static ScriptedModel start() throws IOException {
        // The JDK server leaves Nagle's algorithm on: a response's body then waits for the ACK of its headers,
        // which the client delays (~40 ms per answer), time no real model server adds.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "scripted-model");
            t.setDaemon(true);
            return t;
        });
        ScriptedModel model = new ScriptedModel(http, executor);
        http.createContext("/v1/chat/completions", model::handle);
        http.setExecutor(executor);
        http.start();
        return model;
    }

    /**
     * Sends the server requests like a long conversation's until its request path is compiled, so that what it
     * spends per answer (counted in every figure) is a warm JVM's: interpreted, reading and scanning a 150 KB
     * conversation took ~30 ms per answer, 1.2 ms per run_sql call of the run-sql benchmark.
     */
    void warmUp() throws IOException {
        StringBuilder conversation = new StringBuilder("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"s\"},"
                + "{\"role\":\"user\",\"content\":\"" + marker("warm-up") + "\"}");
        for (int i = 0; i < 400; i++) {
            conversation.append(",{\"role\":\"assistant\",\"content\":null},{\"role\":\"tool\",\"content\":\"")
                    .append("{\\\"success\\\": true, \\\"rows\\\": [[1, 2, 3]]}".repeat(8)).append("\"}");
        }
        byte[] body = conversation.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        List<String> statements = java.util.Collections.nCopies(25, "SELECT 1");
        script("warm-up", (name, turn) -> Reply.sql(statements));
        long deadline = System.nanoTime() + 4_000_000_000L;
        for (int i = 0; i < 2_000 && System.nanoTime() < deadline; i++) {
            java.net.HttpURLConnection http = (java.net.HttpURLConnection)
                    java.net.URI.create(baseUrl() + "/chat/completions").toURL().openConnection();
            http.setDoOutput(true);
            http.setRequestMethod("POST");
            http.getOutputStream().write(body);
            http.getInputStream().readAllBytes();
            http.disconnect();
        }
        scripts.remove("warm-up");
        answers.set(0);
        busyNanos.set(0);
        takeConversation();
    }

    /**
     * When the first request since the last call arrived and the last answer was sent ({@link System#nanoTime}),
     * and starts a new span.
     */
    Conversation takeConversation() {
        return new Conversation(firstRequestNanos.getAndSet(Long.MAX_VALUE), lastAnswerNanos.getAndSet(Long.MIN_VALUE));
    }

    record Conversation(long firstRequestNanos, long lastAnswerNanos) {
    }

    /** The value for OPENROUTER_BASE_URL. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The marker a task prompt must contain to be answered by the script registered under {@code name}. */
    static String marker(String name) {
        return MARKER + name + "]]";
    }

    /** Answers every task whose marker name starts with {@code prefix} with {@code script}. */
    void script(String prefix, Script script) {
        scripts.put(prefix, script);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Answers given and the time spent giving them (reading, scripting, writing; scripted delays excluded). */
    long[] answersAndBusyNanos() {
        return new long[] {answers.get(), busyNanos.get()};
    }

    private void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        firstRequestNanos.accumulateAndGet(start, Math::min);
        long slept = 0;
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (System.getenv("BENCH_DEBUG") != null) {
                System.err.printf("read %d chars in %.1f ms%n", body.length(), (System.nanoTime() - start) / 1e6);
            }
            String name = markerName(body);
            Script script = name == null ? null : scriptFor(name);
            int turn = count(body, ASSISTANT) + 1;
            Reply reply = script == null ? null : script.reply(name, turn);
            if (reply == null) {
                respond(exchange, 400, "{\"error\":{\"message\":\"scripted model: nothing scripted for turn " + turn
                        + " of " + (name == null ? "a prompt without a [[bench:NAME]] marker" : "'" + name + "'") + "\"}}");
                return;
            }
            if (reply.delayMillis() > 0) {
                long sleep = System.nanoTime();
                Thread.sleep(reply.delayMillis());
                slept = System.nanoTime() - sleep;
            }
            respond(exchange, 200, completion(reply));
            lastAnswerNanos.accumulateAndGet(System.nanoTime(), Math::max);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            answers.incrementAndGet();
            busyNanos.addAndGet(System.nanoTime() - start - slept);
        }
    }

    /** The script of the longest prefix of {@code name}. */
    private Script scriptFor(String name) {
        String best = null;
        for (String prefix : scripts.keySet()) {
            if (name.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? null : scripts.get(best);
    }

    private static String markerName(String body) {
        int start = body.indexOf(MARKER);
        if (start < 0) {
            return null;
        }
        int end = body.indexOf("]]", start);
        return end < 0 ? null : body.substring(start + MARKER.length(), end);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }

    private String completion(Reply reply) {
        StringBuilder json = new StringBuilder(256 + 128 * reply.sql().size());
        json.append("{\"id\":\"gen-").append(ids.incrementAndGet())
                .append("\",\"object\":\"chat.completion\",\"model\":\"scripted\",\"choices\":[{\"index\":0,\"message\":{")
                .append("\"role\":\"assistant\",\"content\":");
        if (reply.sql().isEmpty()) {
            quote(json, reply.text());
        } else {
            json.append("null,\"tool_calls\":[");
            for (int i = 0; i < reply.sql().size(); i++) {
                json.append(i == 0 ? "" : ",").append("{\"id\":\"call_").append(ids.incrementAndGet())
                        .append("\",\"type\":\"function\",\"function\":{\"name\":\"run_sql\",\"arguments\":");
                StringBuilder arguments = new StringBuilder("{\"query\":");
                quote(arguments, reply.sql().get(i));
                quote(json, arguments.append('}').toString());
                json.append("}}");
            }
            json.append(']');
        }
        json.append("},\"finish_reason\":\"").append(reply.sql().isEmpty() ? "stop" : "tool_calls")
                .append("\"}],\"usage\":{\"prompt_tokens\":1200,\"completion_tokens\":80,\"total_tokens\":1280}}");
        return json.toString();
    }

    /** A JSON string literal. Written here rather than borrowed from the domain: the harness links nothing it measures. */
    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
