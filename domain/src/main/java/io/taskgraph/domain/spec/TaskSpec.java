package io.taskgraph.domain.spec;

import io.taskgraph.domain.InvalidSpecException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One task as the user declared it. An agent task has a prompt; a SQL task has {@code sql} statements
 * (and, with {@code repair}, a prompt that states the intent for an agent that fixes failing SQL).
 * The constructor rejects what would make the task impossible to run, naming the task and the fix.
 */
public record TaskSpec(
        String name,
        String prompt,
        List<String> sql,
        boolean repair,
        List<String> inputs,
        List<String> outputs,
        Map<String, List<String>> outputColumns,
        List<String> validateSql) {

    public TaskSpec {
        if (name == null || name.isBlank()) {
            throw new InvalidSpecException("A task has an empty name; give every task a unique \"name\".");
        }
        Identifiers.spellingProblem(name).ifPresent(problem -> {
            throw new InvalidSpecException("Task '" + name + "': the name " + problem + ".");
        });
        prompt = prompt == null ? "" : prompt;
        sql = List.copyOf(sql == null ? List.of() : sql);
        inputs = List.copyOf(inputs == null ? List.of() : inputs);
        outputs = List.copyOf(outputs == null ? List.of() : outputs);
        validateSql = List.copyOf(validateSql == null ? List.of() : validateSql);
        if (sql.isEmpty() && prompt.isBlank()) {
            throw new InvalidSpecException("Task '" + name + "' has no prompt; give it a \"prompt\" that says "
                    + "what the agent must build (or \"sql\" statements for a task that needs no agent).");
        }
        if (repair && (sql.isEmpty() || prompt.isBlank())) {
            throw new InvalidSpecException("Task '" + name + "' sets \"repair\" but repair needs both \"sql\" "
                    + "and a \"prompt\" stating the intent the repairing agent should keep.");
        }
        if (outputs.isEmpty()) {
            throw new InvalidSpecException("Task '" + name + "' declares no outputs; list the views it must "
                    + "create in \"outputs\".");
        }
        for (String output : outputs) {
            Identifiers.problem(output).ifPresent(problem -> {
                throw new InvalidSpecException("Task '" + name + "': output '" + output + "' " + problem + ".");
            });
        }
        if (new LinkedHashSet<>(outputs).size() != outputs.size()) {
            throw new InvalidSpecException("Task '" + name + "' lists an output more than once in \"outputs\": "
                    + outputs + ".");
        }
        for (String input : inputs) {
            Identifiers.problem(input).ifPresent(problem -> {
                throw new InvalidSpecException("Task '" + name + "': input '" + input + "' " + problem + ".");
            });
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        if (outputColumns != null) {
            for (Map.Entry<String, List<String>> e : outputColumns.entrySet()) {
                if (!outputs.contains(e.getKey())) {
                    throw new InvalidSpecException("Task '" + name + "': \"output_columns\" names '" + e.getKey()
                            + "', which is not one of its outputs " + outputs
                            + "; add it to \"outputs\" or fix the name.");
                }
                columns.put(e.getKey(), List.copyOf(e.getValue()));
            }
        }
        outputColumns = Collections.unmodifiableMap(columns);
    }

    /** An agent task with the usual fields; the common case in tests and examples. */
    public static TaskSpec agent(String name, String prompt, List<String> inputs, List<String> outputs) {
        return new TaskSpec(name, prompt, List.of(), false, inputs, outputs, Map.of(), List.of());
    }

    public TaskKind kind() {
        return sql.isEmpty() ? TaskKind.AGENT : TaskKind.SQL;
    }

    /** Whether running this task may call the model: an agent task, or SQL that an agent may repair. */
    public boolean mayCallModel() {
        return kind() == TaskKind.AGENT || repair;
    }

    /** Columns required of {@code output}, empty when the spec does not constrain them. */
    public List<String> requiredColumns(String output) {
        return outputColumns.getOrDefault(output, List.of());
    }

    public TaskSpec withValidateSql(List<String> checks) {
        return new TaskSpec(name, prompt, sql, repair, inputs, outputs, outputColumns, new ArrayList<>(checks));
    }
}
