package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.cli.Adapters.ClosableLlm;
import io.taskgraph.adapters.cli.Cli;
import io.taskgraph.adapters.cli.ExitCodes;
import io.taskgraph.adapters.cli.GlobalOptions;
import io.taskgraph.adapters.cli.ModelChoice;
import io.taskgraph.adapters.cli.progress.LineProgress;
import io.taskgraph.adapters.cli.progress.LiveProgress;
import io.taskgraph.adapters.cli.progress.ProgressRenderer;
import io.taskgraph.adapters.cli.progress.Style;
import io.taskgraph.adapters.cli.progress.SummaryReport;
import io.taskgraph.application.progress.RunProgress;
import io.taskgraph.application.progress.RunTracker;
import io.taskgraph.application.progress.TaskState;
import io.taskgraph.application.run.RunCancelledException;
import io.taskgraph.application.run.RunControl;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.run.RunSummary;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What {@code run} and {@code rerun} share around their use case: the model client (live, recording or
 * replaying), the run model that the progress display and the summary render, Ctrl-C handling, and the exit code.
 */
final class RunExecution {
    /** What {@code --debug} does for the commands that run agents. */
    static final String DEBUG_HELP = "Show stack traces on errors and, in plain progress output (not on a "
            + "terminal), every model call and SQL statement the agents make.";

    /** The use case call, given the model client, the listener to report to, and the control to stop it with. */
    @FunctionalInterface
    interface Body {
        RunSummary run(LlmClient llm, RunListener listener, RunControl control);
    }

    private final Cli cli;
    private final GlobalOptions global;
    private final OutputOptions output;
    private final CassetteOptions cassettes;

    RunExecution(Cli cli, GlobalOptions global, OutputOptions output, CassetteOptions cassettes) {
        this.cli = cli;
        this.global = global;
        this.output = output;
        this.cassettes = cassettes;
    }

    boolean replaying() {
        return cassettes.replay().isPresent();
    }

    /** What a command adds after the run's summary, from the finished run (e.g. reused tasks that changed). */
    @FunctionalInterface
    interface Afterword {
        Afterword NONE = (run, out) -> { };

        void print(RunProgress run, PrintStream out);
    }

    int execute(String shownOutput, String preamble, Body body) {
        return execute(shownOutput, preamble, body, Afterword.NONE);
    }

    /**
     * Runs {@code body} and returns the exit code; errors before or during the run propagate to the error reporter.
     * {@code preamble} (when not empty) is printed just before the run starts; {@code afterword} prints after the
     * summary.
     */
    int execute(String shownOutput, String preamble, Body body, Afterword afterword) {
        cassettes.check();
        RunTracker tracker = new RunTracker(cli.clock());
        AtomicReference<ProgressRenderer> display = new AtomicReference<>();
        RunListener events = event -> {
            tracker.apply(event);
            ProgressRenderer renderer = display.get();
            if (renderer != null) {
                renderer.on(event);
            }
        };
        // Opened when the run finds a task that may call the model: a missing API key or cassette stops the run
        // there, before anything is written; a spec of SQL tasks needs neither.
        ClosableLlm llm = model(events);
        if (!preamble.isEmpty() && !output.quiet) {
            cli.out().println(preamble);
        }
        ProgressRenderer renderer = renderer(tracker);
        display.set(renderer);
        RunControl control = new RunControl();
        // Ctrl-C handling lasts until the summary is printed, so a shutdown (SIGTERM) waits for it too.
        try (Interrupts interrupts = Interrupts.install(control, renderer::note,
                () -> tracker.snapshot().tasks().stream().anyMatch(task -> task.state() != TaskState.WAITING))) {
            RunSummary summary;
            try (llm) {
                summary = body.run(llm, events, control);
            } catch (RunCancelledException e) {
                renderer.close();
                boolean kept = Files.exists(cli.resolve(shownOutput));
                cli.err().println("taskgraph: stopped by Ctrl-C before any task started"
                        + (kept ? "." : "; nothing was written to " + shownOutput + "."));
                if (global.debug) {
                    e.printStackTrace(cli.err());
                }
                return ExitCodes.INTERRUPTED;
            } finally {
                renderer.close();
            }
            if (!tracker.snapshot().finished()) {
                tracker.apply(new RunEvent.RunFinished(summary));
            }
            new SummaryReport(style()).print(tracker.snapshot(), shownOutput, cli.out());
            afterword.print(tracker.snapshot(), cli.out());
            if (summary.stopReason().isPresent()) {
                // A setup the user must fix (key, credit, model access), like a missing key before the run.
                cli.err().println("taskgraph: The run stopped. " + summary.stopReason().get());
                return ExitCodes.USAGE;
            }
            if (summary.interrupted()) {
                return ExitCodes.INTERRUPTED;
            }
            return summary.succeeded() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    /** Makes the model client as a run would, and closes it: a dry run stops on the same missing key or cassette. */
    void checkModel() {
        cassettes.choice(cli).open(cli.adapters(), RunListener.NONE).close();
    }

    private ClosableLlm model(RunListener events) {
        ModelChoice choice = cassettes.choice(cli);
        return choice.openWhenNeeded(cli.adapters(), events, () -> {
            if (choice.replays() && !output.quiet) {
                cli.out().println("Replaying recorded model answers from " + cassettes.replay().orElseThrow()
                        + ": no model is called and no API key is needed.");
            }
        });
    }

    private ProgressRenderer renderer(RunTracker tracker) {
        if (cli.terminal().interactive() && !output.quiet) {
            return new LiveProgress(cli.out(), style(), cli.terminal().width(cli.environment()), cli.workingDirectory(),
                    tracker);
        }
        return new LineProgress(cli.out(), cli.err(), cli.clock(), cli.workingDirectory(), output.quiet, global.debug);
    }

    Style style() {
        return new Style(cli.terminal().color(), cli.terminal().unicode());
    }
}
