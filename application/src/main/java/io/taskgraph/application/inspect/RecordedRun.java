package io.taskgraph.application.inspect;

import io.taskgraph.domain.llm.Usage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a workspace file recorded about the run that wrote it: where the spec came from, how the run ended, the
 * inputs it ingested and every task, in the spec's order. Read by {@link RecordedRuns}; shown by {@code trace},
 * {@code report} and the web page.
 */
public record RecordedRun(
        Path file,
        Optional<String> specModule,
        Optional<String> gitCommit,
        boolean gitDirty,
        Optional<String> model,
        Optional<String> startedAt,
        Optional<String> sourceDb,
        Optional<String> rerunMode,
        Ending ending,
        Map<String, Long> inputRowCounts,
        List<RecordedTask> tasks) {

    /** How the run ended, as far as the workspace says. */
    public enum Ending {
        /** Every task settled and the run recorded its end. */
        FINISHED,
        /** Stopped by Ctrl-C, or the process died (then the end was never recorded). */
        INTERRUPTED,
        /** A workspace that does not record it (written by an older version). */
        UNKNOWN
    }

    public RecordedRun {
        inputRowCounts = Collections.unmodifiableMap(new LinkedHashMap<>(inputRowCounts));
        tasks = List.copyOf(tasks);
    }

    public Optional<RecordedTask> task(String name) {
        return tasks.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public List<String> taskNames() {
        return tasks.stream().map(RecordedTask::name).toList();
    }

    /** Tokens and cost spent by this run: tasks it reused were paid for by the run that built them. */
    public Usage usage() {
        return tasks.stream().filter(RecordedTask::ranInThisRun).map(RecordedTask::usage)
                .reduce(Usage.NONE, Usage::plus);
    }

    /** The cost this run's model server reported, in US dollars; empty when it reported none. */
    public Optional<BigDecimal> cost() {
        return usage().cost();
    }
}
