package io.taskgraph.domain.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one task may name and read. It may create, replace and drop the views and macros it owns (see
 * {@link Namespaces}: its declared outputs and the names starting with {@code {task}_} that no other task
 * claims); it may read those, its declared {@code inputs} (input tables and upstream outputs it lists), and
 * the catalog. DuckDB identifiers are case-insensitive, so every comparison is too.
 */
public record Namespace(String task, List<String> outputs, List<String> inputs, Namespaces workspace) {
    public Namespace {
        Objects.requireNonNull(task, "task");
        outputs = List.copyOf(outputs);
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(workspace, "workspace");
    }

    /** A task alone in its workspace, reading {@code inputs}. */
    public Namespace(String task, List<String> outputs, List<String> inputs) {
        this(task, outputs, inputs, Namespaces.single(task, outputs, inputs));
    }

    /** A task alone in its workspace, reading nothing but its own names and the catalog. */
    public Namespace(String task, List<String> outputs) {
        this(task, outputs, List.of());
    }

    /** Whether the task may create, replace or drop a view or macro called {@code name}. */
    public boolean allows(String name) {
        return workspace.owner(name).filter(task::equals).isPresent();
    }

    /** Whether the task may read the table or view {@code name}: one of its inputs or one of its own names. */
    public boolean mayRead(String name) {
        return allows(name) || inputs.stream().anyMatch(input -> input.equalsIgnoreCase(name));
    }

    /** How the names the task may create read in a message to the agent. */
    public String describe() {
        String names = (outputs.isEmpty() ? "" : String.join(", ", outputs) + " or ") + "names starting with " + task + "_";
        List<String> carveOuts = workspace.carveOuts(task);
        return carveOuts.isEmpty() ? names : names + " (except " + String.join(", ", carveOuts) + ")";
    }

    /** How the tables and views the task may read its data from read in a message to the agent. */
    public String describeReads() {
        List<String> parts = new ArrayList<>();
        parts.add(inputs.isEmpty() ? "no declared inputs" : "its inputs " + String.join(", ", inputs));
        parts.add("its own views and macros (" + describe() + ")");
        return String.join("; ", parts);
    }
}
