package io.taskgraph.domain.definition;

import java.util.List;
import java.util.Optional;

/**
 * How a task's definition in the spec compares with what the workspace recorded when the task's views were built.
 * Workspaces written before definitions were recorded keep only each task's prompt ({@code _workspace_meta.prompts}),
 * so for them only a prompt change can be told; a workspace that recorded neither proves no change at all.
 */
public record DefinitionComparison(Basis basis, List<FieldChange> changes) {
    /** What the comparison could rest on. */
    public enum Basis {
        /** The full definition recorded when the task ran. */
        DEFINITION,
        /** Only the prompt (a workspace written before definitions were recorded). */
        PROMPT_ONLY,
        /** Nothing recorded for this task: no change can be proven. */
        NOTHING
    }

    public DefinitionComparison {
        changes = List.copyOf(changes);
    }

    /**
     * Compares {@code current} with the {@code recorded} definition when there is one, else with the
     * {@code recordedPrompt} when there is one, else proves nothing.
     */
    public static DefinitionComparison compare(TaskDefinition current, Optional<TaskDefinition> recorded,
                                               Optional<String> recordedPrompt) {
        if (recorded.isPresent()) {
            return new DefinitionComparison(Basis.DEFINITION, current.changesSince(recorded.get()));
        }
        if (recordedPrompt.isPresent()) {
            String before = recordedPrompt.get().strip();
            String now = current.prompt().strip();
            return new DefinitionComparison(Basis.PROMPT_ONLY, before.equals(now) ? List.of()
                    : List.of(new FieldChange(FieldChange.PROMPT, before, now)));
        }
        return new DefinitionComparison(Basis.NOTHING, List.of());
    }

    public boolean changed() {
        return !changes.isEmpty();
    }

    /** The changed fields' names: {@code [prompt, validate_sql]}. */
    public List<String> fields() {
        return changes.stream().map(FieldChange::field).toList();
    }

    /** The changed fields as a phrase: {@code prompt}, {@code prompt and validate_sql}; empty when none changed. */
    public String changedFields() {
        return joined(fields());
    }

    /**
     * What the comparison found, for a person: {@code prompt and validate_sql changed}, {@code unchanged},
     * {@code definition not recorded; prompt unchanged}, {@code definition not recorded; cannot tell what changed}.
     */
    public String summary() {
        String found = changed() ? changedFields() + " changed" : "unchanged";
        return switch (basis) {
            case DEFINITION -> found;
            case PROMPT_ONLY -> "definition not recorded; prompt " + (changed() ? "changed" : "unchanged");
            case NOTHING -> "definition not recorded; cannot tell what changed";
        };
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    static String joined(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
