package io.taskgraph.adapters.cli;

import io.taskgraph.application.show.OverviewFormat;
import io.taskgraph.application.show.ShowSpec;
import io.taskgraph.application.show.SpecOverview;
import io.taskgraph.domain.spec.GitInfo;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.SpecOrigin;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds and renders the overview of a small made-up spec, and throws the text away, while the real spec loads.
 * A cold JVM runs the overview's code for the first time (linking its lambdas, interpreting its streams and the
 * renderer), ~10 ms of a {@code show}, and that used to happen after Python answered, with the user waiting. The
 * main thread has nothing else to do while Python imports the spec, so it pays that cost there instead.
 */
final class OverviewWarmUp {
    private static final WorkspaceSpec SAMPLE = sample();

    private OverviewWarmUp() {
    }

    /** Renders the sample in {@code format} (a format show does not know is left to the command to report). */
    static void run(String format) {
        try {
            OverviewFormat.parse(format).render(sampleOverview());
        } catch (RuntimeException e) {
            // Only a head start: the real overview runs the same code and reports whatever goes wrong.
        }
    }

    /** A valid spec's overview, so that rendering it runs every part of the renderer: layers, checks, exports. */
    static SpecOverview sampleOverview() {
        return ShowSpec.overview(SAMPLE, List.of());
    }

    private static WorkspaceSpec sample() {
        TaskSpec clean = new TaskSpec("clean", "Clean the rows.", List.of(), false, List.of("raw"),
                List.of("clean_rows", "clean_rejects"), Map.of("clean_rows", List.of("id", "amount")),
                List.of("SELECT id FROM clean_rows WHERE amount IS NULL"));
        TaskSpec total = TaskSpec.agent("total", "Sum the clean rows.", List.of("clean_rows", "rates"),
                List.of("total_amount"));
        return new WorkspaceSpec(new SpecOrigin("warm_up", Path.of("warm_up.py"), "", GitInfo.unknown()),
                List.of(new InputSpec("raw", List.of("id", "amount"), List.of("SELECT 1 WHERE false")),
                        InputSpec.of("rates")),
                List.of(clean, total), List.of("totals.csv"));
    }
}
