package io.taskgraph.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.cli.InProcessCli.Outcome;
import io.taskgraph.domain.InvalidSpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickShowTest {
    @TempDir
    Path dir;

    private final InProcessCli cli = new InProcessCli();

    @BeforeEach
    void conventionalSpec() throws IOException {
        Files.createDirectories(dir.resolve("specs"));
        Files.writeString(dir.resolve("specs/main.py"), "INPUTS = {}\nTASKS = []\n");
    }

    @Test
    void readsPlainShowLinesOnly() {
        assertEquals(Optional.of(new ShowLine(null, "text", false)), ShowLine.parse(new String[] {"show"}));
        assertEquals(Optional.of(new ShowLine("a.b", "dot", true)),
                ShowLine.parse(new String[] {"show", "--debug", "-s", "a.b", "--format", "dot"}));
        assertEquals(Optional.of(new ShowLine("a.b", "json", false)),
                ShowLine.parse(new String[] {"show", "--format=json", "--spec=a.b"}));
        for (String[] other : List.of(new String[] {"show", "--help"}, new String[] {"show", "-h"},
                new String[] {"show", "-s"}, new String[] {"show", "--format"}, new String[] {"show", "extra"},
                new String[] {"--debug", "show"}, new String[] {"show", "--select", "a+"},
                new String[] {"run", "-o", "x.db"}, new String[0])) {
            assertEquals(Optional.empty(), ShowLine.parse(other), String.join(" ", other));
        }
    }

    @Test
    void aSpecErrorReadsTheSameWithAndWithoutPicocli() {
        cli.specLoaderFailure = () -> new InvalidSpecException("Spec module 'specs.main' failed to import: line 3: SyntaxError");

        assertSameOutcome("show");
        assertSameOutcome("show", "--spec", "specs.main", "--format", "json");
    }

    @Test
    void anUnexpectedErrorReadsTheSameWithAndWithoutPicocliAndDebugAddsTheStackTrace() {
        cli.specLoaderFailure = () -> new IllegalStateException("boom");

        Outcome plain = assertSameOutcome("show");
        Outcome debug = cli.run(dir, "show", "--debug");

        assertEquals(1, plain.exitCode());
        assertTrue(plain.err().contains("rerun with --debug"), plain.err());
        assertEquals(1, debug.exitCode());
        assertTrue(debug.err().startsWith("taskgraph: internal error: java.lang.IllegalStateException: boom\n")
                && debug.err().contains("\tat "), debug.err());
    }

    @Test
    void anUnknownFormatReadsTheSameWithAndWithoutPicocli() {
        Outcome o = assertSameOutcome("show", "--format", "svg");

        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("svg"), o.err());
    }

    @Test
    void helpStillComesFromPicocli() {
        Outcome o = cli.run(dir, "show", "--help");

        assertEquals(0, o.exitCode());
        assertTrue(o.out().startsWith("Usage: taskgraph show"), o.out());
    }

    private Outcome assertSameOutcome(String... args) {
        Outcome quick = cli.run(dir, args);
        Outcome picocli = cli.runThroughPicocli(dir, args);
        assertEquals(picocli, quick, String.join(" ", args));
        return quick;
    }
}
