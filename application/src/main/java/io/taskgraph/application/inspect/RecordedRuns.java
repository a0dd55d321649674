package io.taskgraph.application.inspect;

import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.meta.TaskMeta;
import io.taskgraph.domain.meta.WorkspaceMeta;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.GitInfo;
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
        WorkspaceMeta meta = workspace.workspaceMeta();
        Map<String, TaskMeta> taskMeta = workspace.taskMeta();
        Map<String, Shape> shapes = shapes(meta.fingerprint().orElse(null));
        Map<String, String> prompts = meta.prompts().orElse(Map.of());

        // Spec order first (the prompts keep it), then anything else the workspace knows by name.
        Set<String> names = new LinkedHashSet<>(prompts.keySet());
        names.addAll(shapes.keySet());
        names.addAll(taskMeta.keySet());
        names.addAll(tracedTasks(workspace));

        Map<String, String> producers = new LinkedHashMap<>();
        shapes.forEach((task, shape) -> shape.outputs().forEach(output -> producers.putIfAbsent(output, task)));
        List<RecordedTask> tasks = new ArrayList<>();
        for (String name : names) {
            TaskMeta recorded = taskMeta.getOrDefault(name, TaskMeta.EMPTY);
            Shape shape = shapes.getOrDefault(name, Shape.unknown(recorded)).inSpecOrder(recorded);
            List<String> dependsOn = shape.inputs().stream().map(producers::get)
                    .filter(p -> p != null && !p.equals(name)).distinct().toList();
            tasks.add(task(name, shape, dependsOn, prompts.getOrDefault(name, ""), recorded));
        }
        return new RecordedRun(workspace.file(), known(meta.specModule()), known(meta.specGitCommit()),
                meta.specGitDirty().orElse(false), known(meta.model()), known(meta.timestamp()),
                known(meta.sourceDb()), known(meta.rerunMode()), ending(meta.interrupted()),
                meta.inputRowCounts().orElse(Map.of()), tasks);
    }

    private static RecordedTask task(String name, Shape shape, List<String> dependsOn, String prompt, TaskMeta meta) {
        Optional<TaskMeta.ModelUsed> used = meta.modelUsed();
        return new RecordedTask(name, shape.inputs(), shape.outputs(), dependsOn, prompt, status(meta),
                meta.kind(), used.flatMap(TaskMeta.ModelUsed::model), used.flatMap(TaskMeta.ModelUsed::reasoningEffort),
                meta.iterations().map(Long::intValue), meta.toolCalls().map(Long::intValue),
                meta.usage().orElse(Usage.NONE), meta.elapsed(), meta.validation(), meta.finalMessage().orElse(""),
                meta.reason().orElse(""), meta.failures().orElse(List.of()), meta.timestamp());
    }

    /** The recorded status; a workspace of the original tool records only the validation result. */
    private static Optional<TaskStatus> status(TaskMeta meta) {
        Optional<String> status = meta.status();
        if (status.isPresent()) {
            try {
                return Optional.of(TaskStatus.valueOf(status.get().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                return Optional.empty();
            }
        }
        return meta.validation().map(v -> v.equals("PASSED") ? TaskStatus.PASSED : TaskStatus.FAILED);
    }

    private static RecordedRun.Ending ending(Optional<Boolean> interrupted) {
        return interrupted.map(stopped -> stopped ? RecordedRun.Ending.INTERRUPTED : RecordedRun.Ending.FINISHED)
                .orElse(RecordedRun.Ending.UNKNOWN);
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
        static Shape unknown(TaskMeta meta) {
            return new Shape(List.of(), meta.outputs().orElse(List.of()));
        }

        /** The fingerprint sorts outputs; the task's metadata lists them as the spec does. */
        Shape inSpecOrder(TaskMeta meta) {
            List<String> declared = meta.outputs().orElse(List.of());
            return declared.isEmpty() || !Set.copyOf(declared).equals(Set.copyOf(outputs)) ? this
                    : new Shape(inputs, declared);
        }
    }

    /** {@code {"tasks": {name: {"inputs": [...], "outputs": [...]}}}}, the part of the fingerprint that is the DAG. */
    private static Map<String, Shape> shapes(String fingerprint) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        Object tasks = Json.tryParse(fingerprint).filter(Map.class::isInstance).map(root -> ((Map<?, ?>) root).get("tasks"))
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

    private static Optional<String> known(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty() && !v.equals(GitInfo.UNKNOWN));
    }

    private static List<String> stringList(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
