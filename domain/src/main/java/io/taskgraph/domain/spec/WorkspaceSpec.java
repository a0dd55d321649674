package io.taskgraph.domain.spec;

import io.taskgraph.domain.InvalidSpecException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Everything a spec module declares: inputs, tasks and export file names, plus where it came from. */
public record WorkspaceSpec(SpecOrigin origin, List<InputSpec> inputs, List<TaskSpec> tasks, List<String> exports) {
    public WorkspaceSpec {
        inputs = List.copyOf(inputs);
        tasks = List.copyOf(tasks);
        exports = List.copyOf(exports);
        Set<String> seen = new HashSet<>();
        for (InputSpec input : inputs) {
            if (!seen.add(input.name())) {
                throw new InvalidSpecException("Input '" + input.name() + "' is declared twice in INPUTS.");
            }
        }
        Set<String> taskNames = new HashSet<>();
        for (TaskSpec task : tasks) {
            if (!taskNames.add(task.name())) {
                throw new InvalidSpecException("Two tasks are named '" + task.name()
                        + "'; task names must be unique, rename one of them.");
            }
        }
    }

    public Optional<TaskSpec> task(String name) {
        return tasks.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Whether a run of this spec may call the model; a spec of SQL tasks without {@code repair} never does. */
    public boolean mayCallModel() {
        return tasks.stream().anyMatch(TaskSpec::mayCallModel);
    }

    public Optional<InputSpec> input(String name) {
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
    }
}
