package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reruns are driven by the recorded spec module at the recorded git commit. */
@Tag("e2e")
class GitRerunE2ETest {
    @TempDir
    Path dir;

    @Test
    void theRecordedGitCommitMustMatchUnlessTheMismatchIsAccepted() throws Exception {
        AppDir app = new AppDir(dir);
        String module = app.spec("tracked", Diamond.SPEC);
        String first = app.commitAll("January");
        try (FakeModelServer model = Diamond.solve(FakeModelServer.start())) {
            Taskgraph taskgraph = new Taskgraph(dir).model(model);
            Taskgraph.Result january = taskgraph.run("run", "-s", module, "-o", "tracked.db");
            assertEquals(0, january.exitCode(), january.all());
            assertEquals(first, WorkspaceFile.workspaceMeta(app.path("tracked.db")).get("spec_git_commit"));
            app.spec("tracked", Diamond.SPEC.replace("Total costs.", "Total all costs."));
            String second = app.commitAll("Reword a prompt");

            Taskgraph.Result refused = taskgraph.run("rerun", "tracked.db", "-o", "next.db");
            Taskgraph.Result accepted = taskgraph.run("rerun", "tracked.db", "-o", "next.db", "--ignore-commit");

            assertEquals(2, refused.exitCode(), refused.all());
            assertTrue(refused.err().contains(first) && refused.err().contains(second), refused.all());
            assertTrue(refused.err().contains("add --ignore-commit"), refused.all());
            assertEquals(0, accepted.exitCode(), accepted.all());
            assertTrue(accepted.err().contains("continuing because the mismatch was accepted"), accepted.all());
        }
    }
}
