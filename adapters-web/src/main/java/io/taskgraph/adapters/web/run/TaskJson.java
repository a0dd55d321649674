package io.taskgraph.adapters.web.run;

import io.taskgraph.application.inspect.Dollars;
import io.taskgraph.application.progress.Readable;
import io.taskgraph.application.progress.RunProgress;
import io.taskgraph.application.progress.TaskProgress;
import io.taskgraph.application.progress.TaskWording;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.spec.TaskKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run model's tasks as the API sends them: in the status JSON and the {@code graph} and {@code task} stream
 * events ({@link #live}), and in the {@code result} ({@link #result}, the names the result has always had). The
 * words ({@code state}, {@code detail}, {@code elapsed}) are the run model's, the same the terminal shows.
 */
final class TaskJson {
    private TaskJson() {
    }

    static Map<String, Object> live(TaskProgress t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("task", t.task());
        json.put("state", t.state().label());
        json.put("kind", t.kind().map(TaskKind::label).orElse(""));
        json.put("depends_on", t.dependsOn());
        json.put("waiting_for", t.waitingFor());
        json.put("blocked_by", t.blockedBy());
        json.put("iteration", t.iteration());
        json.put("sql_count", t.sqlCount());
        json.put("failed_sql", t.failedSql());
        json.put("tool_calls", t.toolCalls());
        json.put("tokens", t.tokens());
        json.put("elapsed_s", seconds(t.elapsed()));
        json.put("elapsed", Readable.duration(t.elapsed()));
        json.put("detail", TaskWording.detail(t));
        json.put("note", t.note());
        json.put("reason", t.reason());
        json.put("failures", t.failures());
        return json;
    }

    static Map<String, Object> result(TaskProgress t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("task", t.task());
        json.put("kind", t.kind().map(TaskKind::label).orElse(""));
        json.put("status", t.state().label());
        json.put("iterations", t.iteration());
        json.put("tool_calls", t.toolCalls());
        json.put("tokens", usage(t.usage()));
        json.put("cost", t.cost().map(Dollars::format).orElse(null));
        json.put("elapsed_s", seconds(t.elapsed()));
        json.put("elapsed", Readable.duration(t.elapsed()));
        json.put("detail", TaskWording.detail(t));
        json.put("reason", t.reason());
        json.put("failures", t.failures());
        return json;
    }

    /** Every task in display order, and the DAG's edges {@code from} a task {@code to} a task that depends on it. */
    static Map<String, Object> graph(RunProgress run) {
        List<Map<String, Object>> edges = new ArrayList<>();
        for (TaskProgress task : run.tasks()) {
            task.dependsOn().forEach(dependency -> edges.add(JsonObjects.of("from", dependency, "to", task.task())));
        }
        return JsonObjects.of("tasks", run.tasks().stream().map(TaskJson::live).toList(), "edges", edges);
    }

    static Map<String, Object> usage(Usage u) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("prompt", u.prompt());
        json.put("completion", u.completion());
        json.put("cached_prompt", u.cachedPrompt());
        json.put("reasoning", u.reasoning());
        json.put("total", u.total());
        json.put("cost", u.cost().orElse(null));
        return json;
    }

    /** Seconds with millisecond precision: the number the API carries beside the readable {@code elapsed}. */
    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
