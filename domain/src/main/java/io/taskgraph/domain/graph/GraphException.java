package io.taskgraph.domain.graph;

import io.taskgraph.domain.InvalidSpecException;
import java.util.List;

/** The tasks do not form a runnable DAG; {@link #problems()} lists every problem found. */
public final class GraphException extends InvalidSpecException {
    private final List<String> problems;

    public GraphException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : "The task graph has " + problems.size() + " problems:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
