package io.taskgraph.adapters.cli.command;

import io.taskgraph.domain.graph.TaskSelection;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --select}, shared by {@code run}, {@code rerun} and {@code show}: tasks in dbt's selector syntax. */
public final class SelectOption {
    @Option(names = "--select", paramLabel = "TASKS",
            description = "Only these tasks: NAME, NAME+ (and everything downstream), +NAME (and everything upstream), "
                    + "+NAME+; comma-separated or repeated.")
    List<String> select = new ArrayList<>();

    TaskSelection selection() {
        return TaskSelection.parse(select);
    }
}
