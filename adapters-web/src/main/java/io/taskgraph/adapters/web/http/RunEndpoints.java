package io.taskgraph.adapters.web.http;

import io.javalin.http.Context;
import io.taskgraph.adapters.web.run.JsonObjects;
import io.taskgraph.adapters.web.run.RunService;
import io.taskgraph.adapters.web.run.WebRun;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Starting runs and watching them: {@code POST /api/run}, {@code GET /api/runs}, status and stream. */
final class RunEndpoints {
    private final RunService runs;
    private final FormOptions options;
    private final OpenStreams streams;

    RunEndpoints(RunService runs, FormOptions options, OpenStreams streams) {
        this.runs = runs;
        this.options = options;
        this.streams = streams;
    }

    void start(Context ctx) {
        RunForm form = RunForm.read(ctx, options);
        WebRun run = runs.start(form.settings(), form.uploads());
        ctx.header("Location", "/api/run/" + run.id());
        JsonResponses.send(ctx, 201, JsonObjects.of("run_id", run.id()));
    }

    void status(Context ctx) {
        JsonResponses.ok(ctx, runs.find(ctx.pathParam("id")).statusJson());
    }

    void list(Context ctx) {
        List<Map<String, Object>> all = runs.all().stream().map(WebRun::statusJson)
                .sorted(Comparator.comparing(json -> String.valueOf(json.get("created_at"))))
                .map(json -> JsonObjects.of("run_id", json.get("run_id"), "spec_id", json.get("spec_id"),
                        "state", json.get("state"), "created_at", json.get("created_at")))
                .toList();
        JsonResponses.ok(ctx, all);
    }

    void cancel(Context ctx) {
        WebRun run = runs.cancel(ctx.pathParam("id"));
        JsonResponses.send(ctx, 202, JsonObjects.of("run_id", run.id(), "state", run.state().wire()));
    }

    void stream(Context ctx) throws Exception {
        RunStream.serve(ctx, runs.find(ctx.pathParam("id")), streams);
    }
}
