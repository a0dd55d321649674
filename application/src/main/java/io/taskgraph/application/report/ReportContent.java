package io.taskgraph.application.report;

import io.taskgraph.application.inspect.RecordedRun;
import io.taskgraph.application.inspect.TraceEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything the report shows, read from the workspace before any HTML is written. */
record ReportContent(RecordedRun run, Map<String, List<OutputView>> outputs, List<TraceEntry> trace,
                     Instant generatedAt) {
    ReportContent {
        outputs = Map.copyOf(outputs);
        trace = List.copyOf(trace);
    }

    List<TraceEntry> trace(String task) {
        return trace.stream().filter(entry -> entry.task().equals(task)).toList();
    }
}
