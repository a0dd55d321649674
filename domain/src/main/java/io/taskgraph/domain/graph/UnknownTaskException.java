package io.taskgraph.domain.graph;

import io.taskgraph.domain.UsageException;
import java.util.List;

/** A selection names a task the spec does not declare; the message lists the spec's tasks. */
public final class UnknownTaskException extends UsageException {
    private final String name;

    public UnknownTaskException(String name, List<String> tasks) {
        super("No task named '" + name + "' in the selection" + ClosestName.among(name, tasks)
                .map(close -> " (did you mean '" + close + "'?)").orElse("") + "; the spec's tasks are "
                + String.join(", ", tasks) + ".");
        this.name = name;
    }

    public String name() {
        return name;
    }
}
