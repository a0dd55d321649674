package io.taskgraph.application.inspect;

import io.taskgraph.application.run.WorkspaceMetadata;
import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.json.JsonException;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.GitInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a workspace recorded into a {@link RecordedRun}, from {@code _workspace_meta}, {@code _task_meta} and
 * the task names in {@code _trace}. Tolerant by design: a workspace of an older version, one whose run was killed
 * before its tasks ran, or a value that cannot be read gives a record with less in it, never an error.
 */
public final class RecordedRuns {
    private RecordedRuns() {
    }

    public static RecordedRun read(Workspace workspace) {
        Map<String, String> meta = workspace.workspaceMeta();
        Map<String, Map<String, String>> taskMeta = workspace.taskMeta();
        Map<String, Shape> shapes = shapes(meta.get(WorkspaceMetadata.FINGERPRINT));
        Map<String, String> prompts = prompts(meta.get(WorkspaceMetadata.PROMPTS));

        // Spec order first (the prompts keep it), then anything else the workspace knows by name.
        Set<String> names = new LinkedHashSet<>(prompts.keySet());
        names.addAll(shapes.keySet());
        names.addAll(taskMeta.keySet());
        names.addAll(tracedTasks(workspace));

        Map<String, String> producers = new LinkedHashMap<>();
        shapes.forEach((task, shape) -> shape.outputs().forEach(output -> producers.putIfAbsent(output, task)));
        List<RecordedTask> tasks = new ArrayList<>();
        for (String name : names) {
            Map<String, String> recorded = taskMeta.getOrDefault(name, Map.of());
            Shape shape = shapes.getOrDefault(name, Shape.unknown(recorded)).inSpecOrder(recorded);
            List<String> dependsOn = shape.inputs().stream().map(producers::get)
                    .filter(p -> p != null && !p.equals(name)).distinct().toList();
            tasks.add(task(name, shape, dependsOn, prompts.getOrDefault(name, ""), recorded));
        }
        return new RecordedRun(workspace.file(), known(meta.get(WorkspaceMetadata.SPEC_MODULE)),
                known(meta.get(WorkspaceMetadata.SPEC_GIT_COMMIT)), "true".equals(meta.get(WorkspaceMetadata.SPEC_GIT_DIRTY)),
                known(meta.get(WorkspaceMetadata.MODEL)), known(meta.get(WorkspaceMetadata.TIMESTAMP)),
                known(meta.get(WorkspaceMetadata.SOURCE_DB)), known(meta.get(WorkspaceMetadata.RERUN_MODE)),
                ending(meta.get(WorkspaceMetadata.INTERRUPTED)), rowCounts(meta.get(WorkspaceMetadata.INPUT_ROW_COUNTS)),
                tasks);
    }

    private static RecordedTask task(String name, Shape shape, List<String> dependsOn, String prompt,
                                     Map<String, String> meta) {
        Usage tokens = new Usage(number(meta, "prompt_tokens"), number(meta, "completion_tokens"),
                number(meta, "cache_read_tokens"), number(meta, "reasoning_tokens"));
        Usage usage = decimal(meta.get(WorkspaceMetadata.TASK_COST)).map(tokens::withCost).orElse(tokens);
        Optional<Duration> elapsed = decimal(meta.get("elapsed_s"))
                .map(seconds -> Duration.ofNanos(seconds.movePointRight(9).longValue()));
        return new RecordedTask(name, shape.inputs(), shape.outputs(), dependsOn, prompt, status(meta),
                text(meta.get("kind")), text(meta.get("model")), text(meta.get("reasoning_effort")),
                integer(meta.get("iterations")), integer(meta.get("tool_calls")), usage, elapsed,
                text(meta.get("validation")), text(meta.get("final_message")).orElse(""),
                text(meta.get("reason")).orElse(""), strings(meta.get("failures")), text(meta.get("timestamp")));
    }

    /** The recorded status; a workspace of the original tool records only the validation result. */
    private static Optional<TaskStatus> status(Map<String, String> meta) {
        Optional<String> status = text(meta.get("status"));
        if (status.isPresent()) {
            try {
                return Optional.of(TaskStatus.valueOf(status.get().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                return Optional.empty();
            }
        }
        return text(meta.get("validation")).map(v -> v.equals("PASSED") ? TaskStatus.PASSED : TaskStatus.FAILED);
    }

    private static RecordedRun.Ending ending(String interrupted) {
        if (interrupted == null) {
            return RecordedRun.Ending.UNKNOWN;
        }
        return "false".equals(interrupted.strip()) ? RecordedRun.Ending.FINISHED : RecordedRun.Ending.INTERRUPTED;
    }

    private static List<String> tracedTasks(Workspace workspace) {
        if (workspace.describe(RecordedTrace.TABLE).isEmpty()) {
            return List.of();
        }
        return workspace.query("SELECT DISTINCT task FROM _trace WHERE task IS NOT NULL ORDER BY task").rows()
                .stream().map(row -> String.valueOf(row.get(0))).toList();
    }

    /** A task's inputs and outputs, from the structural fingerprint. */
    private record Shape(List<String> inputs, List<String> outputs) {
        /** No fingerprint: the outputs its metadata lists, if any. */
        static Shape unknown(Map<String, String> meta) {
            return new Shape(List.of(), strings(meta.get("outputs")));
        }

        /** The fingerprint sorts outputs; the task's metadata lists them as the spec does. */
        Shape inSpecOrder(Map<String, String> meta) {
            List<String> declared = strings(meta.get("outputs"));
            return declared.isEmpty() || !Set.copyOf(declared).equals(Set.copyOf(outputs)) ? this
                    : new Shape(inputs, declared);
        }
    }

    /** {@code {"tasks": {name: {"inputs": [...], "outputs": [...]}}}}, the part of the fingerprint that is the DAG. */
    private static Map<String, Shape> shapes(String fingerprint) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        Object tasks = parse(fingerprint).filter(Map.class::isInstance).map(root -> ((Map<?, ?>) root).get("tasks"))
                .orElse(null);
        if (tasks instanceof Map<?, ?> byName) {
            byName.forEach((name, shape) -> {
                if (shape instanceof Map<?, ?> fields) {
                    shapes.put(String.valueOf(name), new Shape(stringList(fields.get("inputs")),
                            stringList(fields.get("outputs"))));
                }
            });
        }
        return shapes;
    }

    private static Map<String, String> prompts(String json) {
        Map<String, String> prompts = new LinkedHashMap<>();
        parse(json).filter(Map.class::isInstance).ifPresent(map -> ((Map<?, ?>) map)
                .forEach((task, prompt) -> prompts.put(String.valueOf(task), prompt == null ? "" : String.valueOf(prompt))));
        return prompts;
    }

    private static Map<String, Long> rowCounts(String json) {
        Map<String, Long> counts = new LinkedHashMap<>();
        parse(json).filter(Map.class::isInstance).ifPresent(map -> ((Map<?, ?>) map).forEach((table, n) -> {
            if (n instanceof Number number) {
                counts.put(String.valueOf(table), number.longValue());
            }
        }));
        return counts;
    }

    private static Optional<String> known(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty() && !v.equals(GitInfo.UNKNOWN));
    }

    private static Optional<Object> parse(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Json.parse(json));
        } catch (JsonException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(String json) {
        return parse(json).map(value -> value instanceof String s ? s : Json.write(value)).filter(s -> !s.isBlank());
    }

    private static Optional<Integer> integer(String json) {
        return parse(json).filter(Number.class::isInstance).map(n -> ((Number) n).intValue());
    }

    private static long number(Map<String, String> meta, String key) {
        return parse(meta.get(key)).filter(Number.class::isInstance).map(n -> ((Number) n).longValue()).orElse(0L);
    }

    /** A JSON number read exactly (costs and seconds must not pick up binary fractions). */
    private static Optional<BigDecimal> decimal(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(json.strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static List<String> strings(String json) {
        return parse(json).map(RecordedRuns::stringList).orElse(List.of());
    }

    private static List<String> stringList(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
