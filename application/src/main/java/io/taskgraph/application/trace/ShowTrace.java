package io.taskgraph.application.trace;

import io.taskgraph.application.inspect.RecordedRuns;
import io.taskgraph.application.inspect.RecordedTrace;
import io.taskgraph.application.inspect.TraceEntry;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.Workspace;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code trace} use case: the SQL the agents ran, from {@code _trace}, in order, optionally for some tasks or
 * only what failed. The workspace is opened read-only. A task name the workspace does not know is a
 * {@link UsageException} that lists the ones it does.
 */
public final class ShowTrace {
    private final SqlEngine engine;

    public ShowTrace(SqlEngine engine) {
        this.engine = engine;
    }

    public TraceListing show(TraceRequest request) {
        try (Workspace workspace = engine.openReadOnly(request.db())) {
            List<TraceEntry> all = RecordedTrace.read(workspace);
            if (!request.tasks().isEmpty()) {
                Set<String> known = new LinkedHashSet<>(RecordedRuns.read(workspace).taskNames());
                all.forEach(entry -> known.add(entry.task()));
                for (String task : request.tasks()) {
                    if (!known.contains(task)) {
                        throw new UsageException("No task named '" + task + "' in " + request.db() + (known.isEmpty()
                                ? "; it records no tasks." : ". Its tasks: " + String.join(", ", known) + "."));
                    }
                }
            }
            List<TraceEntry> selected = all.stream()
                    .filter(entry -> request.tasks().isEmpty() || request.tasks().contains(entry.task()))
                    .filter(entry -> !request.failedOnly() || !entry.ok())
                    .toList();
            return new TraceListing(selected, all.size());
        }
    }
}
