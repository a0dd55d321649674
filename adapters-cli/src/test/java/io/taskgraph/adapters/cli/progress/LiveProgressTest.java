package io.taskgraph.adapters.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.spec.TaskKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final LineProgressTest.MutableClock clock = new LineProgressTest.MutableClock();

    private LiveProgress live(int width) {
        return new LiveProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), new Style(false, true), clock, width, Path.of("/work"));
    }

    private static RunEvent.RunStarted twoTasks() {
        Map<String, List<String>> deps = new LinkedHashMap<>();
        deps.put("prep", List.of());
        deps.put("report", List.of("prep"));
        return new RunEvent.RunStarted("m", Path.of("out.db"), "model", deps, false);
    }

    @Test
    void redrawsTheBoardInPlaceWithLogLinesAbove() {
        LiveProgress live = live(100);
        live.on(twoTasks());
        live.on(new RunEvent.TaskStarted("prep", TaskKind.AGENT));
        live.on(new RunEvent.TaskIteration("prep", 2, new Usage(1500, 0, 0, 0)));
        live.on(new RunEvent.ValidationFailed("prep", List.of("View 'x' does not exist.")));
        live.drawNow();
        clock.advance(Duration.ofSeconds(2));
        live.on(new RunEvent.TaskFinished(RunEvents.passed("prep", 3, 4, 1000, 200, 4900)));
        live.on(new RunEvent.RunFinished(null));
        live.close();

        String screen = bytes.toString(StandardCharsets.UTF_8);
        String last = screen.substring(screen.lastIndexOf("\033[2A\r"));
        assertEquals("\033[2A\r"
                + "\033[2K  ✓ prep    passed     3 iterations · 0 SQL · 1.2k tokens · 4.9s\n"
                + "\033[2K  · report  waiting\n"
                + "\033[J", last, screen);
        assertTrue(screen.contains("\033[2Kprep: validation failed: View 'x' does not exist.\n"), screen);
        assertTrue(screen.contains("running    iteration 2 · 0 SQL · 1.5k tokens"), screen);
    }

    @Test
    void boardLinesAreCutToTheTerminalWidthSoRedrawsStayAligned() {
        LiveProgress live = live(40);
        live.on(new RunEvent.TaskStarted("a_task_with_a_rather_long_name", TaskKind.AGENT));
        live.close();

        String screen = bytes.toString(StandardCharsets.UTF_8);
        for (String line : screen.split("\n")) {
            String visible = line.replaceAll("\033\\[[0-9;?]*[A-Za-z]", "").replace("\r", "");
            assertTrue(visible.length() < 40, "'" + visible + "' fits in 40 columns");
        }
    }

    @Test
    void notesFromTheCliAppearAboveTheBoard() {
        LiveProgress live = live(100);
        live.on(twoTasks());
        live.note("Stopping: cancelling running tasks");
        live.close();

        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("\033[2KStopping: cancelling running tasks\n"));
    }
}
