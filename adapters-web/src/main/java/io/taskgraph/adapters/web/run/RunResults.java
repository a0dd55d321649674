package io.taskgraph.adapters.web.run;

import io.taskgraph.application.inspect.Dollars;
import io.taskgraph.application.progress.Readable;
import io.taskgraph.application.progress.RunProgress;
import io.taskgraph.application.progress.RunWording;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.run.RunSummary;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code result} JSON of a run, from the run model once it finished: the verdict and totals as the terminal
 * words them, per-task status, iterations, tool calls, tokens, cost and time; exports; views; where its .db and its
 * report are.
 */
final class RunResults {
    private RunResults() {
    }

    /** {@code run} has finished: its summary is there. */
    static Map<String, Object> of(String runId, RunState state, RunProgress run, List<String> views) {
        RunSummary summary = run.summary().orElseThrow(() -> new IllegalStateException("run " + runId + " has not finished"));
        Map<String, Object> json = header(runId, state, state.exitCode(), summary.stopReason().orElse(null));
        json.put("verdict", RunWording.verdict(summary));
        json.put("totals", RunWording.totals(summary));
        json.put("elapsed_s", TaskJson.seconds(summary.elapsed()));
        json.put("elapsed", Readable.duration(summary.elapsed()));
        json.put("tasks", run.tasks().stream().map(TaskJson::result).toList());
        json.put("exports", summary.exports().stream().map(x -> export(runId, x)).toList());
        json.put("usage", TaskJson.usage(summary.usage()));
        // What the model server said the calls cost, worded as the terminal's summary words it; null if it said nothing.
        json.put("cost", summary.usage().cost().map(Dollars::format).orElse(null));
        json.put("views", views);
        json.put("db_url", "/api/run/" + runId + "/download/db");
        json.put("report_url", "/api/run/" + runId + "/report");
        return json;
    }

    /** The result of a run that could not be carried out: no tasks ran, the error says why. */
    static Map<String, Object> failed(String runId, RunState state, int exitCode, String error) {
        Map<String, Object> json = header(runId, state, exitCode, error);
        json.put("verdict", null);
        json.put("totals", null);
        json.put("elapsed_s", 0.0);
        json.put("elapsed", Readable.duration(Duration.ZERO));
        json.put("tasks", List.of());
        json.put("exports", List.of());
        json.put("usage", TaskJson.usage(Usage.NONE));
        json.put("cost", null);
        json.put("views", List.of());
        json.put("db_url", null);
        json.put("report_url", null);
        return json;
    }

    private static Map<String, Object> header(String runId, RunState state, int exitCode, String error) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run_id", runId);
        json.put("state", state.wire());
        json.put("exit_code", exitCode);
        json.put("error", error);
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
}
