package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.cli.e2e.FakeModelServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI on a pseudo-terminal (script(1)), as a person at a terminal sees it. */
@Tag("e2e")
class TerminalE2ETest {
    @TempDir
    Path dir;

    @Test
    void onATerminalProgressIsRedrawnInPlaceAndAnExistingOutputIsAskedAbout() throws Exception {
        AppDir app = new AppDir(dir);
        String spec = app.spec("main", AppDir.EMPLOYEES);
        app.write("out.db", "an earlier result");
        try (FakeModelServer model = FakeModelServer.start()) {
            model.script(AppDir.SUMMARIZE_MARKER, Reply.sql(AppDir.SUMMARY_VIEW), Reply.answer("Done."));
            Taskgraph taskgraph = new Taskgraph(dir).model(model).env("LANG", "C.UTF-8");

            Taskgraph.Result declined = taskgraph.runOnTerminal("n\n", "run", "-s", spec, "-o", "out.db");

            assertEquals(2, declined.exitCode(), declined.all());
            assertTrue(declined.out().contains("Output out.db already exists. Overwrite it? [y/N]"), declined.all());
            assertTrue(declined.out().contains("Kept out.db as it was"), declined.all());
            assertEquals("an earlier result", Files.readString(app.path("out.db")));
            assertEquals(0, model.requestCount());

            Taskgraph.Result accepted = taskgraph.runOnTerminal("y\n", "run", "-s", spec, "-o", "out.db");

            assertEquals(0, accepted.exitCode(), accepted.all());
            String screen = accepted.out();
            assertTrue(screen.contains("\033[2K"), "lines are cleared and redrawn:\n" + screen);
            assertTrue(screen.contains("\033[1A\r"), "the cursor moves back up over the board:\n" + screen);
            assertTrue(screen.contains("✓ summarize  passed"), screen);
            assertTrue(screen.contains("\033[32m"), "colours on a terminal:\n" + screen);
            assertTrue(screen.contains("Done: 1 of 1 task passed."), screen);
            assertEquals(List.of(List.of("3")), WorkspaceFile.query(app.path("out.db"), "SELECT count(*) FROM department_summary"));
        }
    }
}
