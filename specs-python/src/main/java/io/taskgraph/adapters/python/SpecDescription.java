package io.taskgraph.adapters.python;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.spec.DeclaredFile;
import io.taskgraph.domain.spec.GitInfo;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.SpecOrigin;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the bridge's JSON description of a spec module onto the domain records. The bridge has already
 * checked the Python types; the domain constructors check names and outputs, and their messages get the
 * module (and the task's line) put in front, so every error says where to look.
 */
final class SpecDescription {
    private SpecDescription() {
    }

    static WorkspaceSpec toSpec(Map<String, Object> json, GitInfo git, Path workingDirectory) {
        String module = string(json.get("module"));
        Path file = Path.of(string(json.get("file")));
        String where = "Spec module " + module + " (" + relative(workingDirectory, file);
        List<InputSpec> inputs = new ArrayList<>();
        for (Map<String, Object> input : objects(json.get("inputs"))) {
            Optional<DeclaredFile> declaredFile = Optional.ofNullable(string(input.get("file")))
                    .map(declared -> new DeclaredFile(declared, workingDirectory));
            inputs.add(wrap(at(where, input), () -> new InputSpec(string(input.get("name")),
                    strings(input.get("columns")), strings(input.get("validate_sql")), declaredFile)));
        }
        List<TaskSpec> tasks = new ArrayList<>();
        for (Map<String, Object> task : objects(json.get("tasks"))) {
            tasks.add(wrap(at(where, task), () -> new TaskSpec(
                    string(task.get("name")),
                    string(task.get("prompt")),
                    strings(task.get("sql")),
                    Boolean.TRUE.equals(task.get("repair")),
                    strings(task.get("inputs")),
                    strings(task.get("outputs")),
                    outputColumns(task.get("output_columns")),
                    strings(task.get("validate_sql")))));
        }
        SpecOrigin origin = new SpecOrigin(module, file, string(json.get("source")), git);
        return wrap(where + ")", () -> new WorkspaceSpec(origin, inputs, tasks, strings(json.get("exports"))));
    }

    /** "Spec module m (specs/main.py, line 7)" for an entry that knows its line. */
    private static String at(String where, Map<String, Object> entry) {
        return where + (entry.get("line") instanceof Number n ? ", line " + n.intValue() : "") + ")";
    }

    private static <T> T wrap(String where, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidSpecException e) {
            throw new InvalidSpecException(where + ": " + e.getMessage(), e);
        }
    }

    static String relative(Path workingDirectory, Path file) {
        Path wd = workingDirectory.toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(wd) ? wd.relativize(abs).toString() : abs.toString();
    }

    private static Map<String, List<String>> outputColumns(Object value) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), strings(v)));
        }
        return result;
    }

    static String string(Object value) {
        return value == null ? null : value.toString();
    }

    static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> result.add(String.valueOf(v)));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Object value) {
        List<Map<String, Object>> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> result.add((Map<String, Object>) v));
        }
        return result;
    }
}
