package io.taskgraph.adapters.web.run;

import io.taskgraph.application.progress.EventWording;
import io.taskgraph.application.progress.ProgressLine;
import io.taskgraph.application.progress.RunTracker;
import io.taskgraph.application.progress.TaskProgress;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.port.RunListener;
import java.util.List;

/**
 * Turns a run's events into its stream, through the run model: the model's line for every event (its continuation
 * lines indented under it), a {@code graph} event when the DAG is known and a {@code task} event for each task
 * whose state or counters changed. Synchronized so the journal's order is the order in which the model changed,
 * though events arrive from several task threads.
 */
final class RunEventTranslator implements RunListener {
    private static final String INDENT = "    ";

    private final RunTracker tracker;
    private final EventWording wording;
    private final RunJournal journal;

    RunEventTranslator(RunTracker tracker, EventWording wording, RunJournal journal) {
        this.tracker = tracker;
        this.wording = wording;
        this.journal = journal;
    }

    @Override
    public synchronized void on(RunEvent event) {
        List<TaskProgress> changed = tracker.apply(event);
        wording.line(event).ifPresent(this::log);
        if (event instanceof RunEvent.RunStarted) {
            journal.append(StreamEvents.json(StreamEvents.GRAPH, TaskJson.graph(tracker.snapshot())));
        }
        changed.forEach(task -> journal.append(StreamEvents.json(StreamEvents.TASK, TaskJson.live(task))));
    }

    synchronized void log(String line) {
        journal.append(StreamEvents.log(line));
    }

    private void log(ProgressLine line) {
        log(line.text());
        line.more().forEach(more -> log(INDENT + more));
    }
}
