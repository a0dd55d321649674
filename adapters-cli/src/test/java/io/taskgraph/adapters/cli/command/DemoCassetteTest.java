package io.taskgraph.adapters.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped demo cassette must be exactly what the agents send today: a changed system prompt, briefing, tool
 * result or example fails here (with the command that regenerates it) rather than in a user's {@code taskgraph demo}.
 */
class DemoCassetteTest {
    private static final String REGENERATE = "mvn -B -pl adapters-cli -am test -Dtest=DemoCassetteTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dtaskgraph.demo.record=true";

    @TempDir
    Path dir;

    @Test
    void theShippedCassetteIsTheConversationTheDemoHasToday() throws Exception {
        if (Boolean.getBoolean("taskgraph.demo.record")) {
            DemoCassette.record(DemoCassette.SHIPPED);
            System.out.println("Recorded the demo cassette " + DemoCassette.SHIPPED.toAbsolutePath());
        }
        Path fresh = dir.resolve("fresh.jsonl");
        DemoCassette.record(fresh);
        List<String> recorded = Files.readAllLines(fresh);
        List<String> shipped = Files.readAllLines(DemoCassette.SHIPPED);
        assertTrue(recorded.size() >= 8, "every task's statements and answers are recorded: " + recorded.size());
        for (int i = 0; i < Math.min(recorded.size(), shipped.size()); i++) {
            assertEquals(recorded.get(i), shipped.get(i), "line " + (i + 1) + " of " + DemoCassette.SHIPPED
                    + " is not what the demo sends now; regenerate the cassette with: " + REGENERATE);
        }
        assertEquals(recorded.size(), shipped.size(), "the demo now makes a different number of model calls; "
                + "regenerate the cassette with: " + REGENERATE);
    }
}
