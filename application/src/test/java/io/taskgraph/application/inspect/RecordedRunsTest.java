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
        try (Workspace workspace = engine.create(db, false)) {
            workspace.putWorkspaceMeta(Map.of("model", "openai/gpt-5.2", "spec_module", "app.specs.main",
                    "spec_git_commit", "unknown", "prompts", "{\"summarize\": \"Summarize.\"}"));
            workspace.putTaskMeta("summarize", Map.of("validation", "\"PASSED\"", "iterations", "4",
                    "prompt_tokens", "1200", "completion_tokens", "80", "elapsed_s", "3.25",
                    "outputs", "[\"department_summary\"]"));
            workspace.putTaskMeta("broken", Map.of("validation", "\"FAILED\"", "iterations", "oops"));
        }

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
        try (Workspace workspace = engine.create(db, false)) {
            workspace.putWorkspaceMeta(Map.of("interrupted", "false"));
            workspace.putTaskMeta("built", Map.of("status", "\"passed\"", "cost", "0.1", "prompt_tokens", "10"));
            workspace.putTaskMeta("again", Map.of("status", "\"failed\"", "cost", "0.2"));
            workspace.putTaskMeta("kept", Map.of("status", "\"reused\"", "cost", "5", "prompt_tokens", "1000"));
        }

        RecordedRun run;
        try (Workspace workspace = engine.openReadOnly(db)) {
            run = RecordedRuns.read(workspace);
        }

        assertEquals(RecordedRun.Ending.FINISHED, run.ending());
        assertEquals(Optional.of(new BigDecimal("0.3")), run.cost(), "0.1 + 0.2, exactly; the reused task's 5 is not");
        assertEquals(10, run.usage().prompt());
        assertTrue(run.task("kept").orElseThrow().usage().cost().isPresent(), "a reused task keeps its own record");
    }
}
