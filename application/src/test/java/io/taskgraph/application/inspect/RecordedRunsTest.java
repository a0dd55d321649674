package io.taskgraph.application.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.testing.TestEngine;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.run.TaskStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading what workspaces recorded, including ones this version did not write. */
class RecordedRunsTest {
    @TempDir
    Path dir;

    private final SqlEngine engine = TestEngine.duckdb();

    @Test
    void aWorkspaceOfTheOriginalToolWithoutStatusOrFingerprintStillListsItsTasks() {
        Path db = dir.resolve("old.db");
        engine.create(db, false).close();
        storeText(db, "INSERT INTO _workspace_meta VALUES ('model', 'openai/gpt-5.2'), "
                + "('spec_module', 'app.specs.main'), ('spec_git_commit', 'unknown'), "
                + "('prompts', '{\"summarize\": \"Summarize.\"}')");
        storeText(db, "INSERT INTO _task_meta VALUES ('summarize', 'validation', '\"PASSED\"'), "
                + "('summarize', 'iterations', '4'), ('summarize', 'prompt_tokens', '1200'), "
                + "('summarize', 'completion_tokens', '80'), ('summarize', 'elapsed_s', '3.25'), "
                + "('summarize', 'outputs', '[\"department_summary\"]'), "
                + "('broken', 'validation', '\"FAILED\"'), ('broken', 'iterations', 'oops')");

        RecordedRun run;
        try (Workspace workspace = engine.openReadOnly(db)) {
            run = RecordedRuns.read(workspace);
        }

        assertEquals(List.of("summarize", "broken"), run.taskNames());
        assertEquals(RecordedRun.Ending.UNKNOWN, run.ending());
        assertEquals(Optional.empty(), run.gitCommit(), "'unknown' is no commit");
        RecordedTask summarize = run.task("summarize").orElseThrow();
        assertEquals(Optional.of(TaskStatus.PASSED), summarize.status());
        assertEquals(Optional.of(4), summarize.iterations());
        assertEquals(new Usage(1200, 80, 0, 0), summarize.usage());
        assertEquals(Optional.of(Duration.ofMillis(3250)), summarize.elapsed());
        assertEquals(List.of("department_summary"), summarize.outputs());
        assertEquals("Summarize.", summarize.prompt());
        RecordedTask broken = run.task("broken").orElseThrow();
        assertEquals(Optional.of(TaskStatus.FAILED), broken.status());
        assertEquals(Optional.empty(), broken.iterations(), "an unreadable value is left out, not an error");
        assertEquals(Optional.empty(), run.cost());
    }

    @Test
    void costsAreReadExactlyAndOnlyTasksThatRanCountTowardsTheRun() {
        Path db = dir.resolve("rerun.db");
        engine.create(db, false).close();
        storeText(db, "INSERT INTO _workspace_meta VALUES ('interrupted', 'false')");
        storeText(db, "INSERT INTO _task_meta VALUES ('built', 'status', '\"passed\"'), ('built', 'cost', '0.1'), "
                + "('built', 'prompt_tokens', '10'), ('again', 'status', '\"failed\"'), ('again', 'cost', '0.2'), "
                + "('kept', 'status', '\"reused\"'), ('kept', 'cost', '5'), ('kept', 'prompt_tokens', '1000')");

        RecordedRun run;
        try (Workspace workspace = engine.openReadOnly(db)) {
            run = RecordedRuns.read(workspace);
        }

        assertEquals(RecordedRun.Ending.FINISHED, run.ending());
        assertEquals(Optional.of(new BigDecimal("0.3")), run.cost(), "0.1 + 0.2, exactly; the reused task's 5 is not");
        assertEquals(10, run.usage().prompt());
        assertTrue(run.task("kept").orElseThrow().usage().cost().isPresent(), "a reused task keeps its own record");
    }

    /** Stores metadata text as a workspace of another version wrote it, past the port that writes today's text. */
    private static void storeText(Path db, String insert) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db);
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute(insert);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
