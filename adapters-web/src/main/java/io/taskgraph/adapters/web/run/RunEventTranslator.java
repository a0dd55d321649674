package io.taskgraph.adapters.web.run;

import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.port.RunListener;

/**
 * Turns a run's events into its stream: console lines for every event, a {@code graph} event when the DAG is
 * known and a {@code task} event whenever a task's state or counters change. Synchronized so the journal's
 * order is the order in which progress changed, though events arrive from several task threads.
 */
final class RunEventTranslator implements RunListener {
    private final RunProgress progress;
    private final RunJournal journal;

    RunEventTranslator(RunProgress progress, RunJournal journal) {
        this.progress = progress;
        this.journal = journal;
    }

    @Override
    public synchronized void on(RunEvent event) {
        var changedTask = progress.apply(event);
        LogLines.of(event).forEach(line -> journal.append(StreamEvents.log(line)));
        if (event instanceof RunEvent.RunStarted) {
            journal.append(StreamEvents.json(StreamEvents.GRAPH,
                    JsonObjects.of("tasks", progress.tasksJson(), "edges", progress.edgesJson())));
        }
        changedTask.ifPresent(task -> journal.append(StreamEvents.json(StreamEvents.TASK, task)));
    }

    synchronized void log(String line) {
        journal.append(StreamEvents.log(line));
    }
}
