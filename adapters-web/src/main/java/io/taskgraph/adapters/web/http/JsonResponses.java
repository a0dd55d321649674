package io.taskgraph.adapters.web.http;

import io.javalin.http.Context;
import io.taskgraph.domain.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JSON responses with the project's own codec, so the API and the stream format values alike. */
final class JsonResponses {
    static final String JSON = "application/json; charset=utf-8";

    private JsonResponses() {
    }

    static void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType(JSON).result(Json.write(body));
    }

    static void ok(Context ctx, Object body) {
        send(ctx, 200, body);
    }

    static void error(Context ctx, int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("status", status);
        send(ctx, status, body);
    }
}
