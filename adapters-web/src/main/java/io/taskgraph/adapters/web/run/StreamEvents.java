package io.taskgraph.adapters.web.run;

import io.taskgraph.domain.json.Json;
import java.util.Map;

/** The names of the events a run streams, and how each one's data is written. */
public final class StreamEvents {
    /** A human-readable console line (line breaks become spaces: one SSE data field holds one line). */
    public static final String LOG = "log";
    /** A task's state and counters, JSON (see {@link TaskJson#live}). */
    public static final String TASK = "task";
    /** The DAG, once the spec is loaded: JSON {@code {tasks, edges}}. */
    public static final String GRAPH = "graph";
    /** The run ended: JSON {@code {state, exit_code}}. */
    public static final String DONE = "done";
    /** The final report: JSON (see {@link RunResults}). Always the last event. */
    public static final String RESULT = "result";

    private StreamEvents() {
    }

    public static RunJournal.Event log(String line) {
        return new RunJournal.Event(LOG, line.replaceAll("[\\r\\n]+", " "));
    }

    public static RunJournal.Event json(String name, Map<String, ?> data) {
        return new RunJournal.Event(name, Json.write(data));
    }
}
