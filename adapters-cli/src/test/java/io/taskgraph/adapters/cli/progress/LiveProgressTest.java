package io.taskgraph.adapters.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.progress.RunTracker;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.spec.TaskKind;
import io.taskgraph.domain.testing.ManualClock;
import io.taskgraph.domain.testing.ScriptedRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveProgressTest {
    private static final Path BASE = Path.of("/projects/shop");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ManualClock clock = new ManualClock();
    private final RunTracker tracker = new RunTracker(clock);

    private LiveProgress live(int width) {
        return new LiveProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), new Style(false, true), width, BASE,
                tracker);
    }

    /** As the CLI feeds them: the run model first, then the display. */
    private RunListener both(LiveProgress live) {
        return event -> {
            tracker.apply(event);
            live.on(event);
        };
    }

    private String screen() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theBoardShowsEachTaskOfTheRunModelWithItsStateAndDetail() {
        LiveProgress live = live(140);
        List<RunEvent> run = ScriptedRun.withFailure(BASE);
        ScriptedRun.play(run.subList(0, 9), both(live), clock, Duration.ofMillis(1500));
        live.drawNow();

        assertTrue(screen().contains(" prep    running      iteration 2 · 2 SQL (1 failed) · 1.0k tokens · 9.0s · "
                + "validation failed, fixing\n"), screen());
        assertTrue(screen().contains("\033[2K  · sales   waiting      for prep\n"), screen());
        assertTrue(screen().contains("\033[2K  · report  waiting      for sales, costs\n"), screen());

        ScriptedRun.play(run.subList(9, run.size()), both(live), clock, Duration.ofMillis(1500));
        live.close();

        String last = screen().substring(screen().lastIndexOf("\033[4A\r"));
        assertEquals("\033[4A\r"
                + "\033[2K  ✓ prep    passed       3 iterations · 2 SQL (1 failed) · 1.2k tokens · 4.9s\n"
                + "\033[2K  ✓ sales   passed       2 iterations · 0 SQL · 600 tokens · 1.2s\n"
                + "\033[2K  ✗ costs   failed       200 iterations · 0 SQL · 2.1M tokens · 3m12s · iteration budget of 200 model calls spent\n"
                + "\033[2K  ⊘ report  blocked      Not run because upstream task 'costs' failed.\n"
                + "\033[J", last, screen());
    }

    @Test
    void tasksLeftOutByASelectionAreDimmedAsNotSelectedWithTheDetailsStillInLine() {
        LiveProgress live = live(140);
        ScriptedRun.play(ScriptedRun.selected(BASE), both(live), clock, Duration.ofMillis(1500));
        live.close();

        String last = screen().substring(screen().lastIndexOf("\033[4A\r"));
        assertEquals("\033[4A\r"
                + "\033[2K  ✓ prep    passed       3 iterations · 0 SQL · 1.2k tokens · 4.9s\n"
                + "\033[2K  ✓ sales   passed       2 iterations · 0 SQL · 600 tokens · 1.2s\n"
                + "\033[2K  – costs   not selected\n"
                + "\033[2K  – report  not selected\n"
                + "\033[J", last, screen());
    }

    @Test
    void aRerunShowsWhyATaskRunsAgainOnTheBoardAndWhatChangedInAReusedOne() {
        LiveProgress live = live(160);
        List<RunEvent> rerun = ScriptedRun.rerun(BASE);
        ScriptedRun.play(rerun.subList(0, 8), both(live), clock, Duration.ofMillis(500));
        live.drawNow();

        assertTrue(screen().contains(" sales   running      starting · 0 SQL · 0 tokens · 500ms · re-run: prompt changed\n"),
                screen());
        assertTrue(screen().contains(" prep    reused       still valid, no model call · prompt changed since its views were "
                + "built\n"), screen());
        assertTrue(screen().contains("\033[2Ksales: runs again: prompt changed\n"), "scrolls above the board: " + screen());
        assertTrue(screen().contains("\033[2Kprep: reused, its views still pass; its prompt has changed since they were "
                + "built\n"), screen());

        ScriptedRun.play(rerun.subList(8, rerun.size()), both(live), clock, Duration.ofMillis(500));
        live.close();
        String last = screen().substring(screen().lastIndexOf("\033[4A\r"));
        assertTrue(last.contains(" report  passed       1 iteration · 0 SQL · 350 tokens · 800ms · re-run: upstream sales "
                + "re-ran and a check now fails: total is NULL\n"), last);
    }

    @Test
    void logLinesScrollAboveTheBoardWithoutWhatTheBoardOrTheSummaryShows() {
        LiveProgress live = live(140);
        ScriptedRun.play(ScriptedRun.withFailure(BASE), both(live), clock, Duration.ofMillis(1500));
        live.close();

        String screen = screen();
        assertTrue(screen.contains("\033[2Kingested transactions: 1200 rows (40ms)\n"), screen);
        assertTrue(screen.contains("\033[2Kprep: validation failed: View 'prepared_sales' does not exist.\n"
                + "\033[2K    View 'prepared_costs' does not exist.\n"), screen);
        assertTrue(screen.contains("\033[2Kprep: model call failed (HTTP 429 rate limited); retry 1 in 3.0s\n"), screen);
        assertTrue(screen.contains("\033[2Kcosts: failed: iteration budget of 200 model calls spent (200 iterations, 412 "
                + "tool calls, 2.1M tokens, 3m12s)\n\033[2K    last validation: View 'costs_summary' does not exist.\n"), screen);
        assertTrue(screen.contains("\033[2Kwarning: spec has uncommitted changes\n"), screen);
        assertFalse(screen.contains("started (agent)"), "the board shows starts");
        assertFalse(screen.contains("prep: passed"), "the board shows successes");
        assertFalse(screen.contains("SQL ok"), "SQL is for verbose logs");
        assertFalse(screen.contains("Finished with failures"), "the summary shows the verdict");
    }

    @Test
    void boardLinesAreCutToTheTerminalWidthSoRedrawsStayAligned() {
        LiveProgress live = live(40);
        both(live).on(new RunEvent.TaskStarted("a_task_with_a_rather_long_name", TaskKind.AGENT));
        live.close();

        for (String line : screen().split("\n")) {
            String visible = line.replaceAll("\033\\[[0-9;?]*[A-Za-z]", "").replace("\r", "");
            assertTrue(visible.length() < 40, "'" + visible + "' fits in 40 columns");
        }
        assertTrue(screen().contains("a_task_with_a_rather_long_name  ru…"), screen());
    }

    @Test
    void notesFromTheCliAppearAboveTheBoard() {
        LiveProgress live = live(100);
        both(live).on(ScriptedRun.started(BASE));
        live.note("Stopping: cancelling running tasks");
        live.close();

        assertTrue(screen().contains("\033[2KStopping: cancelling running tasks\n"));
    }
}
