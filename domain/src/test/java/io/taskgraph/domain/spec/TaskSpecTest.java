package io.taskgraph.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.InvalidSpecException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TaskSpecTest {

    private static String rejected(Executable construction) {
        return assertThrows(InvalidSpecException.class, construction).getMessage();
    }

    private static TaskSpec agentTask(String name, List<String> outputs) {
        return TaskSpec.agent(name, "Build it.", List.of("sales"), outputs);
    }

    @Test
    void agentTaskKeepsWhatWasDeclared() {
        TaskSpec task = new TaskSpec("match", "Match invoices.", null, false, List.of("invoices", "payments"),
                List.of("output"), Map.of("output", List.of("left_id", "right_id")), List.of("SELECT 1 WHERE false"));
        assertEquals(TaskKind.AGENT, task.kind());
        assertEquals(List.of(), task.sql());
        assertEquals(List.of("left_id", "right_id"), task.requiredColumns("output"));
        assertEquals(List.of(), task.requiredColumns("other"));
        assertEquals(List.of("SELECT 1 WHERE false"), task.validateSql());
    }

    @Test
    void declaredListsAreCopiedSoLaterChangesDoNotLeakIn() {
        List<String> outputs = new ArrayList<>(List.of("a"));
        Map<String, List<String>> columns = new HashMap<>(Map.of("a", new ArrayList<>(List.of("x"))));
        TaskSpec task = new TaskSpec("t", "p", List.of(), false, List.of(), outputs, columns, List.of());
        outputs.add("b");
        columns.get("a").add("y");
        assertEquals(List.of("a"), task.outputs());
        assertEquals(List.of("x"), task.requiredColumns("a"));
    }

    @Test
    void emptyOrMissingNameIsRejected() {
        assertEquals("A task has an empty name; give every task a unique \"name\".", rejected(() -> agentTask("", List.of("v"))));
        assertEquals("A task has an empty name; give every task a unique \"name\".", rejected(() -> agentTask("  ", List.of("v"))));
        assertEquals("A task has an empty name; give every task a unique \"name\".", rejected(() -> agentTask(null, List.of("v"))));
    }

    @Test
    void unsafeTaskNameIsRejectedNamingTheTask() {
        assertEquals("Task 'my-task': the name is not a safe SQL identifier; use letters, digits and underscores, "
                + "starting with a letter or underscore.", rejected(() -> agentTask("my-task", List.of("v"))));
        assertEquals("Task '1st': the name is not a safe SQL identifier; use letters, digits and underscores, "
                + "starting with a letter or underscore.", rejected(() -> agentTask("1st", List.of("v"))));
    }

    @Test
    void taskNameMayBeAKeywordBecauseItOnlyServesAsAPrefix() {
        assertEquals("summarize", agentTask("summarize", List.of("department_summary")).name());
        assertEquals("order", agentTask("order", List.of("order_lines")).name());
    }

    @Test
    void overlongTaskNameIsRejected() {
        String longName = "t".repeat(64);
        assertEquals("Task '" + longName + "': the name is longer than 63 characters; use a shorter name.",
                rejected(() -> agentTask(longName, List.of("v"))));
    }

    @Test
    void taskWithoutOutputsIsRejected() {
        assertEquals("Task 'summarize' declares no outputs; list the views it must create in \"outputs\".",
                rejected(() -> agentTask("summarize", List.of())));
        assertEquals("Task 'summarize' declares no outputs; list the views it must create in \"outputs\".",
                rejected(() -> agentTask("summarize", null)));
    }

    @Test
    void unsafeOutputOrInputNameIsRejectedNamingTaskAndName() {
        assertEquals("Task 'summarize': output 'dept summary' is not a safe SQL identifier; use letters, digits and "
                + "underscores, starting with a letter or underscore.",
                rejected(() -> agentTask("summarize", List.of("dept summary"))));
        assertEquals("Task 'summarize': output 'select' is a reserved SQL word that DuckDB does not accept as a name; "
                + "choose another name.", rejected(() -> agentTask("summarize", List.of("select"))));
        assertEquals("Task 'summarize': input 'raw.sales' is not a safe SQL identifier; use letters, digits and "
                + "underscores, starting with a letter or underscore.",
                rejected(() -> TaskSpec.agent("summarize", "p", List.of("raw.sales"), List.of("v"))));
    }

    @Test
    void outputListedTwiceIsRejected() {
        assertEquals("Task 'summarize' lists an output more than once in \"outputs\": [a, b, a].",
                rejected(() -> agentTask("summarize", List.of("a", "b", "a"))));
    }

    @Test
    void outputColumnsForAViewThatIsNotAnOutputIsRejected() {
        assertEquals("Task 'summarize': \"output_columns\" names 'departments', which is not one of its outputs "
                        + "[department_summary]; add it to \"outputs\" or fix the name.",
                rejected(() -> new TaskSpec("summarize", "p", List.of(), false, List.of("employees"),
                        List.of("department_summary"), Map.of("departments", List.of("a")), List.of())));
    }

    @Test
    void taskNeedsAPromptOrSql() {
        assertEquals("Task 'summarize' has no prompt; give it a \"prompt\" that says what the agent must build (or "
                        + "\"sql\" statements for a task that needs no agent).",
                rejected(() -> new TaskSpec("summarize", " ", List.of(), false, List.of(), List.of("v"), null, null)));
    }

    @Test
    void sqlTaskNeedsNoPrompt() {
        TaskSpec task = new TaskSpec("load", null, List.of("CREATE VIEW v AS SELECT 1"), false, List.of(),
                List.of("v"), null, null);
        assertEquals(TaskKind.SQL, task.kind());
        assertEquals("", task.prompt());
        assertEquals("sql", task.kind().label());
    }

    @Test
    void repairNeedsBothSqlAndAPrompt() {
        String expected = "Task 'load' sets \"repair\" but repair needs both \"sql\" and a \"prompt\" stating the "
                + "intent the repairing agent should keep.";
        assertEquals(expected, rejected(() -> new TaskSpec("load", null, List.of("CREATE VIEW v AS SELECT 1"), true,
                List.of(), List.of("v"), null, null)));
        assertEquals(expected, rejected(() -> new TaskSpec("load", "Intent.", List.of(), true, List.of(), List.of("v"),
                null, null)));
        assertTrue(new TaskSpec("load", "Intent.", List.of("CREATE VIEW v AS SELECT 1"), true, List.of(),
                List.of("v"), null, null).repair());
    }

    @Test
    void withValidateSqlReplacesOnlyTheChecks() {
        TaskSpec task = agentTask("t", List.of("v"));
        TaskSpec checked = task.withValidateSql(List.of("SELECT 1 WHERE false"));
        assertEquals(List.of("SELECT 1 WHERE false"), checked.validateSql());
        assertEquals(task.withValidateSql(List.of("SELECT 1 WHERE false")), checked);
        assertEquals(task.outputs(), checked.outputs());
        assertEquals(task.prompt(), checked.prompt());
    }
}
