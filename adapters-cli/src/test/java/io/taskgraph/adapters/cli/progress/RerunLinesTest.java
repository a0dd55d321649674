package io.taskgraph.adapters.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.spec.TaskKind;
import io.taskgraph.domain.testing.ManualClock;
import io.taskgraph.domain.testing.ScriptedRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A rerun's own lines in a log: what data it uses and why each task runs again on stdout, the notes about the spec
 * and the input files on stderr, where {@code -q} keeps them.
 */
class RerunLinesTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private void play(boolean quiet, RunEvent... events) {
        ManualClock clock = new ManualClock();
        LineProgress progress = new LineProgress(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock, Path.of("/data/monthly"), quiet, false);
        for (RunEvent event : events) {
            progress.on(event);
            clock.advance(Duration.ofMillis(500));
        }
        progress.close();
    }

    @Test
    void aRerunSaysWhatItUsesWhyTasksRunAgainAndWhatChangedInReusedOnes() {
        play(false,
                new RunEvent.RunStarted("my_app.specs.jan", Path.of("/data/monthly/feb.db"), "m", Map.of("a", List.of()), false),
                new RunEvent.RerunData(Path.of("/data/monthly/jan.db"), false),
                new RunEvent.SpecChanged("my_app.specs.jan", "edited since it was recorded (uncommitted edits)"),
                new RunEvent.InputFileChanged("rates", Path.of("/data/monthly/data/rates.csv"), "size 30 -> 38 bytes"),
                new RunEvent.TaskReused("prep", List.of()),
                new RunEvent.TaskFinished(reused("prep")),
                new RunEvent.TaskReused("sales", List.of("prompt", "validate_sql")),
                new RunEvent.TaskFinished(reused("sales")),
                new RunEvent.TaskRerunning("report", "upstream costs re-ran and a check now fails: profit should be "
                        + "35, not 25"),
                new RunEvent.TaskStarted("report", TaskKind.AGENT),
                new RunEvent.TaskFinished(TaskOutcome.notSelected("audit", TaskKind.AGENT)));

        assertEquals("""
                [    0ms] Running my_app.specs.jan -> feb.db with m: 1 task
                [  500ms] data: the tables recorded in jan.db (not re-ingested)
                [   2.5s] prep: still valid, reused (no model call)
                [   3.0s] sales: reused, its views still pass; its prompt and validate_sql have changed since they were built
                [   3.5s] sales: still valid, reused (no model call)
                [   4.0s] report: runs again: upstream costs re-ran and a check now fails: profit should be 35, not 25
                [   4.5s] report: started (agent)
                [   5.0s] audit: not selected
                """, out.toString(StandardCharsets.UTF_8));
        assertEquals("""
                [   1.0s] note: spec my_app.specs.jan edited since it was recorded (uncommitted edits); this rerun uses it as it is now (--ignore-commit hides this note)
                [   1.5s] warning: input 'rates' file data/rates.csv changed on disk since it was recorded (size 30 -> 38 bytes); this rerun uses the recorded rows: pass --reingest to read the file as it is now
                """, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void quietKeepsTheNotesAboutTheSpecAndTheFiles() {
        play(true, new RunEvent.RerunData(Path.of("/data/monthly/jan.db"), true),
                new RunEvent.SpecChanged("my_app.specs.jan", "edited since it was recorded"),
                new RunEvent.TaskRerunning("report", "selected"));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals("[  500ms] note: spec my_app.specs.jan edited since it was recorded; this rerun uses it as it is "
                + "now (--ignore-commit hides this note)\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void reingestedDataIsSaidSo() {
        play(false, new RunEvent.RerunData(Path.of("/data/monthly/jan.db"), true));
        assertEquals("[    0ms] data: re-ingested from the spec's inputs\n", out.toString(StandardCharsets.UTF_8));
    }

    private static TaskOutcome reused(String task) {
        return ScriptedRun.reused(task);
    }
}
