package io.taskgraph.adapters.web.run;

import io.taskgraph.application.progress.EventWording;
import io.taskgraph.application.progress.RunTracker;
import io.taskgraph.application.run.RunControl;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.graph.TaskSelection;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.run.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run started from the web: what was asked, its folder, its run model and its stream. The run thread
 * writes it through {@link #listener()}, {@link #complete} and {@link #fail}; HTTP threads read it.
 */
public final class WebRun {
    private final String id;
    private final String specId;
    private final String model;
    private final ReasoningEffort effort;
    private final int maxIterations;
    private final TaskSelection selection;
    private final RunFolder folder;
    private final List<String> uploads;
    private final Instant createdAt;
    private final RunJournal journal = new RunJournal();
    private final RunLifecycle lifecycle;
    private final RunTracker tracker;
    private final RunEventTranslator translator;
    private final RunControl control = new RunControl();
    private volatile RunSummary summary;
    private volatile Map<String, Object> result;

    WebRun(String id, RunSettings settings, RunFolder folder, List<String> uploads, Clock clock) {
        this.id = id;
        this.specId = settings.specId();
        this.model = settings.model();
        this.effort = settings.effort();
        this.maxIterations = settings.maxIterations();
        this.selection = settings.selection();
        this.folder = folder;
        this.uploads = List.copyOf(uploads);
        this.createdAt = clock.instant();
        this.lifecycle = new RunLifecycle(clock);
        this.tracker = new RunTracker(clock);
        this.translator = new RunEventTranslator(tracker, new EventWording(folder.root()), journal);
    }

    public String id() {
        return id;
    }

    public RunFolder folder() {
        return folder;
    }

    public RunJournal journal() {
        return journal;
    }

    public RunState state() {
        return lifecycle.state();
    }

    RunControl control() {
        return control;
    }

    RunListener listener() {
        return translator;
    }

    /** A line the spec module printed while loading, ingesting or exporting. */
    void specOutput(String line) {
        translator.log("spec: " + line);
    }

    void started(String line) {
        lifecycle.started();
        translator.log(line);
    }

    /** The run ended with a summary; streams {@code done} and {@code result} and closes the stream. */
    synchronized void complete(RunSummary finished, List<String> views) {
        if (journal.finished()) {
            return;
        }
        // A run that stopped itself (the model server refused the key) is an error the user must fix, like the CLI's exit 2.
        RunState end = finished.stopReason().isPresent() ? RunState.ERROR : finished.interrupted() ? RunState.INTERRUPTED
                : finished.succeeded() ? RunState.SUCCEEDED : RunState.FAILED;
        if (!tracker.snapshot().finished()) {
            translator.on(new RunEvent.RunFinished(finished)); // the use case reports its end; should it not, say it here
        }
        summary = finished;
        result = RunResults.of(id, end, tracker.snapshot(), views);
        lifecycle.finished(end, finished.stopReason().orElse(null));
        List<RunJournal.Event> last = new ArrayList<>();
        finished.stopReason().ifPresent(why -> last.add(StreamEvents.log("error: The run stopped. " + why)));
        last.add(done(end));
        last.add(StreamEvents.json(StreamEvents.RESULT, result));
        journal.finish(last);
    }

    /** The run could not be carried out; {@code message} says why (and is the console's last line). */
    synchronized void fail(RunState end, String message) {
        fail(end, end.exitCode(), message);
    }

    /** As {@link #fail(RunState, String)}, ending with the CLI's {@code exitCode} for the error that stopped it. */
    synchronized void fail(RunState end, int exitCode, String message) {
        if (journal.finished()) {
            return;
        }
        result = RunResults.failed(id, end, exitCode, message);
        lifecycle.finished(end, message);
        journal.finish(List.of(StreamEvents.log("error: " + message), done(end, exitCode),
                StreamEvents.json(StreamEvents.RESULT, result)));
    }

    private static RunJournal.Event done(RunState end) {
        return done(end, end.exitCode());
    }

    private static RunJournal.Event done(RunState end, int exitCode) {
        return StreamEvents.json(StreamEvents.DONE, JsonObjects.of("state", end.wire(), "exit_code", exitCode));
    }

    /** The workspace file, once the run has finished and written it. */
    public Optional<Path> database() {
        return state().finished() && Files.isRegularFile(folder.output()) ? Optional.of(folder.output())
                : Optional.empty();
    }

    /** The exports the run wrote, by name, in the order the spec declares them. */
    public List<ExportResult> writtenExports() {
        RunSummary s = summary;
        return s == null ? List.of() : s.exports().stream().filter(ExportResult::succeeded).toList();
    }

    /** Status JSON: what was asked, where the run is, each task's state and the DAG's edges. */
    public Map<String, Object> statusJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run_id", id);
        json.put("spec_id", specId);
        json.put("model", model);
        json.put("reasoning_effort", effort.wire());
        json.put("max_iterations", maxIterations);
        json.put("select", selection.selectors().stream().map(TaskSelection.Selector::text).toList());
        json.put("created_at", createdAt.toString());
        json.putAll(lifecycle.json());
        json.put("uploads", uploads);
        json.putAll(TaskJson.graph(tracker.snapshot()));
        json.put("events", journal.size());
        json.put("result", result);
        return json;
    }
}
