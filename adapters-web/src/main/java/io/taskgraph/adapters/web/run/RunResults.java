package io.taskgraph.adapters.web.run;

import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code result} JSON of a run: per-task status, iterations, tool calls, tokens and time; exports; views. */
final class RunResults {
    private RunResults() {
    }

    static Map<String, Object> of(String runId, RunState state, RunSummary summary, List<String> views) {
        Map<String, Object> json = header(runId, state, summary.stopReason().orElse(null));
        json.put("elapsed_s", Durations.seconds(summary.elapsed()));
        List<Map<String, Object>> tasks = new ArrayList<>();
        summary.tasks().forEach(t -> tasks.add(task(t)));
        json.put("tasks", tasks);
        List<Map<String, Object>> exports = new ArrayList<>();
        summary.exports().forEach(x -> exports.add(export(runId, x)));
        json.put("exports", exports);
        json.put("usage", usage(summary.usage()));
        json.put("views", views);
        json.put("db_url", "/api/run/" + runId + "/download/db");
        return json;
    }

    /** The result of a run that could not be carried out: no tasks ran, the error says why. */
    static Map<String, Object> failed(String runId, RunState state, String error) {
        Map<String, Object> json = header(runId, state, error);
        json.put("elapsed_s", 0.0);
        json.put("tasks", List.of());
        json.put("exports", List.of());
        json.put("usage", usage(Usage.NONE));
        json.put("views", List.of());
        json.put("db_url", null);
        return json;
    }

    private static Map<String, Object> header(String runId, RunState state, String error) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run_id", runId);
        json.put("state", state.wire());
        json.put("exit_code", state.exitCode());
        json.put("error", error);
        return json;
    }

    private static Map<String, Object> task(TaskOutcome t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("task", t.task());
        json.put("kind", t.kind().name().toLowerCase(Locale.ROOT));
        json.put("status", t.status().label());
        json.put("iterations", t.iterations());
        json.put("tool_calls", t.toolCalls());
        json.put("tokens", usage(t.usage()));
        json.put("elapsed_s", Durations.seconds(t.elapsed()));
        json.put("reason", t.reason());
        json.put("failures", t.failures());
        return json;
    }

    private static Map<String, Object> export(String runId, ExportResult x) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", x.name());
        json.put("ok", x.succeeded());
        json.put("error", x.error().orElse(null));
        json.put("url", x.succeeded() ? "/api/run/" + runId + "/download/export/"
                + URLEncoder.encode(x.name(), StandardCharsets.UTF_8).replace("+", "%20") : null);
        return json;
    }

    static Map<String, Object> usage(Usage u) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("prompt", u.prompt());
        json.put("completion", u.completion());
        json.put("cached_prompt", u.cachedPrompt());
        json.put("reasoning", u.reasoning());
        json.put("total", u.total());
        return json;
    }
}
