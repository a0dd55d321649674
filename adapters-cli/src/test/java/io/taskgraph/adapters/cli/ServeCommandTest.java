package io.taskgraph.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.cli.InProcessCli.Outcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code taskgraph serve}'s flags: what cannot go together is refused before anything starts. */
class ServeCommandTest {
    @TempDir
    Path dir;

    private final InProcessCli cli = new InProcessCli();

    @Test
    void theDemoBringsItsOwnRecordingSoItTakesNoOther() {
        Outcome o = cli.run(dir, "serve", "--demo", "--llm-replay", "mine.jsonl");

        assertEquals(2, o.exitCode());
        assertEquals("taskgraph: --demo replays the demo's own recording, so it cannot be combined with --llm-record "
                + "or --llm-replay.\n", o.err());
        assertEquals(List.of(), cli.requested, "nothing was started");
    }

    @Test
    void recordingAndReplayingAtOnceIsRefusedAsForRun() {
        Outcome o = cli.run(dir, "serve", "--llm-record", "a.jsonl", "--llm-replay", "b.jsonl");

        assertEquals(2, o.exitCode());
        assertTrue(o.err().startsWith("taskgraph: --llm-record and --llm-replay cannot be used together"), o.err());
        assertEquals(List.of(), cli.requested);
    }

    @Test
    void aServerKeepsAtLeastOneFinishedRun() {
        Outcome o = cli.run(dir, "serve", "--keep-runs", "0");

        assertEquals(2, o.exitCode());
        assertEquals("taskgraph: --keep-runs must be at least 1 (got 0): a finished run must stay long enough to "
                + "download its results.\n", o.err());
        assertEquals(List.of(), cli.requested);
    }

    @Test
    void aPortThatIsNoPortIsAUsageError() {
        Outcome o = cli.run(dir, "serve", "--port", "70000");

        assertEquals(2, o.exitCode());
        assertEquals("taskgraph: Port 70000 is not a TCP port; use 1-65535, or 0 for any free port.\n", o.err());
    }

    @Test
    void theHelpNamesEveryFlagWithItsDefault() {
        Outcome o = cli.run(dir, "serve", "--help");

        assertEquals(0, o.exitCode(), o.err());
        for (String text : List.of("--port", "(default: 8000)", "--host", "(default: 127.0.0.1;", "--demo",
                "--runs-dir=DIR", "--keep-runs=N", "(default: 20)", "--llm-record=FILE", "--llm-replay=FILE",
                "taskgraph serve --demo")) {
            assertTrue(o.out().contains(text), text + "\n" + o.out());
        }
    }
}
