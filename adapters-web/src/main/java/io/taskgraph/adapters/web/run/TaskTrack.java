package io.taskgraph.adapters.web.run;

import io.taskgraph.domain.run.TaskOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One task's progress as the events tell it; mutated only under {@link RunProgress}'s lock. */
final class TaskTrack {
    static final String PENDING = "pending";
    static final String RUNNING = "running";

    private final String task;
    private final List<String> dependsOn;
    private String kind = "";
    private String state = PENDING;
    private int iteration;
    private int sqlCount;
    private int toolCalls;
    private long tokens;
    private Instant startedAt;
    private Duration elapsed = Duration.ZERO;
    private String reason = "";
    private List<String> failures = List.of();

    TaskTrack(String task, List<String> dependsOn) {
        this.task = task;
        this.dependsOn = List.copyOf(dependsOn);
    }

    String task() {
        return task;
    }

    List<String> dependsOn() {
        return dependsOn;
    }

    void started(String kind, Instant now) {
        this.kind = kind;
        this.state = RUNNING;
        this.startedAt = now;
    }

    void iteration(int iteration, long tokens, Instant now) {
        this.iteration = iteration;
        this.tokens = tokens;
        tick(now);
    }

    void sqlExecuted(Instant now) {
        sqlCount++;
        tick(now);
    }

    void validationFailed(List<String> messages, Instant now) {
        failures = List.copyOf(messages);
        tick(now);
    }

    void finished(TaskOutcome outcome) {
        kind = outcome.kind().name().toLowerCase(java.util.Locale.ROOT);
        state = outcome.status().label();
        iteration = Math.max(iteration, outcome.iterations());
        toolCalls = outcome.toolCalls();
        tokens = outcome.usage().total();
        elapsed = outcome.elapsed();
        reason = outcome.reason();
        failures = outcome.failures();
    }

    private void tick(Instant now) {
        if (startedAt != null) {
            elapsed = Duration.between(startedAt, now);
        }
    }

    /** The task as the API shows it (and as the {@code task} stream event carries it). */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("task", task);
        json.put("state", state);
        json.put("kind", kind);
        json.put("depends_on", dependsOn);
        json.put("iteration", iteration);
        json.put("sql_count", sqlCount);
        json.put("tool_calls", toolCalls);
        json.put("tokens", tokens);
        json.put("elapsed_s", Durations.seconds(elapsed));
        json.put("reason", reason);
        json.put("failures", failures);
        return json;
    }
}
