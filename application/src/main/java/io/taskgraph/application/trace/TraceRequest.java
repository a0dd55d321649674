package io.taskgraph.application.trace;

import java.nio.file.Path;
import java.util.List;

/** Which statements of a workspace's trace to show: of these tasks (all when empty), only the failed ones or all. */
public record TraceRequest(Path db, List<String> tasks, boolean failedOnly) {
    public TraceRequest {
        tasks = List.copyOf(tasks);
    }
}
