package io.taskgraph.application.trace;

import io.taskgraph.application.inspect.TraceEntry;
import java.util.List;

/**
 * The statements a trace request selected, in the order they ran, and how many the whole trace holds (so a filtered
 * listing can say what it left out).
 */
public record TraceListing(List<TraceEntry> entries, int totalStatements) {
    public TraceListing {
        entries = List.copyOf(entries);
    }

    public long failed() {
        return entries.stream().filter(e -> !e.ok()).count();
    }
}
