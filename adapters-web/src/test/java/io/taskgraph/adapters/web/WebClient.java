package io.taskgraph.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP client of the web API for tests, as a script or the page would use it: plain requests, multipart run
 * requests, and a run's whole event stream. Shared (test-jar) with the CLI's tests of the served web app.
 */
public class WebClient {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public WebClient(URI base) {
        this.base = base;
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> post(Multipart form) {
        return send(HttpRequest.newBuilder(uri("/api/run")).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return clientFor(request).send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * GETs share pooled connections. A request with a body gets a connection of its own: the server may close a
     * connection right after answering an earlier upload early (too large, refused), and the JDK's client re-sends only
     * GETs that meet such a closed connection; a POST would fail with "header parser received no bytes".
     */
    private HttpClient clientFor(HttpRequest request) {
        return request.method().equals("GET") ? http
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Starts a run of {@code specId} with the default model and effort; returns its id. */
    public String startRun(String specId) {
        return startRun(new Multipart().field("spec_id", specId));
    }

    public String startRun(Multipart form) {
        HttpResponse<String> response = post(form);
        assertEquals(201, response.statusCode(), response.body());
        return json(response).get("run_id").asText();
    }

    /** The whole stream of a run from {@code lastEventId} on (null: from the start), until the server ends it. */
    public List<SseEvent> stream(String runId, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/run/" + runId + "/stream"))
                .header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        CompletableFuture<List<SseEvent>> events = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> {
                    assertEquals(200, response.statusCode());
                    return SseEvent.parse(response.body());
                });
        try {
            return events.get(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the stream of run " + runId + " did not end: " + e, e);
        }
    }

    public List<SseEvent> stream(String runId) {
        return stream(runId, null);
    }

    /** Waits for the run to finish (by following its stream) and returns its {@code result} JSON. */
    public JsonNode awaitResult(String runId) {
        List<SseEvent> events = stream(runId);
        SseEvent last = events.get(events.size() - 1);
        assertEquals("result", last.event(), "the stream ends with the result");
        return json(last.data());
    }

    public static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
