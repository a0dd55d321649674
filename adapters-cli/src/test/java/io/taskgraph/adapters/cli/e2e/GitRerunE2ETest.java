package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorded spec check is one rule: the spec's source is compared with the one the workspace recorded, so an
 * edit reads the same whether it is committed, uncommitted, or outside git; the rerun uses the spec as it is now.
 */
@Tag("e2e")
class GitRerunE2ETest {
    private static final String REWORDED = Diamond.SPEC.replace("[costs] Total costs.", "[costs] Total all costs.");

    @TempDir
    Path dir;

    @Test
    void committedAndUncommittedEditsAreReportedAlikeAndTheRerunGoesOn() throws Exception {
        AppDir app = new AppDir(dir);
        String module = app.spec("tracked", Diamond.SPEC);
        String first = app.commitAll("January");
        try (FakeModelServer model = Diamond.solve(FakeModelServer.start())) {
            Taskgraph taskgraph = new Taskgraph(dir).model(model);
            Taskgraph.Result january = taskgraph.run("run", "-s", module, "-o", "tracked.db");
            assertEquals(0, january.exitCode(), january.all());
            assertEquals(first, WorkspaceFile.workspaceMeta(app.path("tracked.db")).get("spec_git_commit"));
            int requests = model.requestCount();

            app.spec("tracked", REWORDED);
            Taskgraph.Result uncommitted = taskgraph.run("rerun", "tracked.db", "-o", "next.db");
            String second = app.commitAll("Reword a prompt");
            Taskgraph.Result committed = taskgraph.run("rerun", "tracked.db", "-o", "next.db", "-f");
            Taskgraph.Result quiet = taskgraph.run("rerun", "tracked.db", "-o", "next.db", "-f", "--ignore-commit");
            Taskgraph.Result plan = taskgraph.run("rerun", "tracked.db", "-o", "next.db", "--dry-run");

            assertEquals(0, uncommitted.exitCode(), uncommitted.all());
            assertTrue(uncommitted.err().contains("note: spec my_app.specs.tracked edited since it was recorded "
                    + "(uncommitted edits); this rerun uses it as it is now (--ignore-commit hides this note)\n"),
                    uncommitted.all());
            assertEquals(0, committed.exitCode(), committed.all());
            assertTrue(committed.err().contains("note: spec my_app.specs.tracked edited since it was recorded (git "
                    + "commit " + first.substring(0, 7) + " -> " + second.substring(0, 7) + "); this rerun uses it as it "
                    + "is now (--ignore-commit hides this note)\n"), committed.all());
            assertEquals(1, committed.err().split("--ignore-commit", -1).length - 1, "named once");
            assertEquals(0, quiet.exitCode(), quiet.all());
            assertFalse(quiet.err().contains("note: spec"), quiet.all());
            assertTrue(plan.out().contains("  spec    my_app.specs.tracked (recorded): edited since it was recorded (git "
                    + "commit " + first.substring(0, 7) + " -> " + second.substring(0, 7) + "); the rerun uses it as it "
                    + "is now, and the tasks list what changed\n"), plan.all());
            assertEquals(requests, model.requestCount(), "the reworded prompt's views still pass: no model call");
        }
    }

    @Test
    void aSpecOutsideGitIsComparedTheSameWay() throws Exception {
        AppDir app = new AppDir(dir);
        String module = app.spec("untracked", Diamond.SPEC);
        try (FakeModelServer model = Diamond.solve(FakeModelServer.start())) {
            Taskgraph taskgraph = new Taskgraph(dir).model(model);
            assertEquals(0, taskgraph.run("run", "-s", module, "-o", "plain.db").exitCode());
            Taskgraph.Result same = taskgraph.run("rerun", "plain.db", "-o", "same.db");
            app.spec("untracked", REWORDED);
            Taskgraph.Result edited = taskgraph.run("rerun", "plain.db", "-o", "edited.db");

            assertEquals(0, same.exitCode(), same.all());
            assertFalse(same.err().contains("note: spec"), same.all());
            assertEquals(0, edited.exitCode(), edited.all());
            assertTrue(edited.err().contains("note: spec my_app.specs.untracked edited since it was recorded; this "
                    + "rerun uses it as it is now (--ignore-commit hides this note)\n"), edited.all());
        }
    }
}
