package io.taskgraph.adapters.web.run;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a web run is between being accepted and ending: queued, running, or how it ended and (when it could not
 * be carried out) why. What happens inside the run is the run model's; this is only what the web adds around it.
 * Thread-safe: the run thread moves it on while HTTP threads read it.
 */
final class RunLifecycle {
    private final Clock clock;
    private RunState state = RunState.QUEUED;
    private Instant startedAt;
    private Instant finishedAt;
    private String error = "";

    RunLifecycle(Clock clock) {
        this.clock = clock;
    }

    synchronized RunState state() {
        return state;
    }

    /** Queued to running; a run that already ended (cancelled while queued) stays ended. */
    synchronized void started() {
        if (state == RunState.QUEUED) {
            state = RunState.RUNNING;
            startedAt = clock.instant();
        }
    }

    synchronized void finished(RunState end, String errorMessage) {
        state = end;
        error = errorMessage == null ? "" : errorMessage;
        finishedAt = clock.instant();
    }

    /** State, times and error message, for the status JSON. */
    synchronized Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", state.wire());
        json.put("started_at", startedAt == null ? null : startedAt.toString());
        json.put("finished_at", finishedAt == null ? null : finishedAt.toString());
        json.put("error", error.isEmpty() ? null : error);
        return json;
    }
}
