package io.taskgraph.domain.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.spec.TaskSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who owns a name: declared outputs first, then the longest task prefix; inputs and metadata tables never. */
class NamespacesTest {
    private static TaskSpec task(String name, List<String> inputs, String... outputs) {
        return TaskSpec.agent(name, "Do it.", inputs, List.of(outputs));
    }

    private static final Namespaces WORKSPACE = Namespaces.of(List.of(
            task("up", List.of("orders"), "down_table"),
            task("down", List.of("orders", "down_table"), "down_report"),
            task("x", List.of("orders"), "x_report"),
            task("x_y", List.of("orders"), "x_y_report"),
            task("sales", List.of("orders"), "sales_summary"),
            task("_task", List.of("orders"), "_task_out")), List.of("orders", "sales_raw"));

    @Test
    void aDeclaredOutputBelongsToItsTaskWhateverThePrefixesSay() {
        assertEquals(Optional.of("up"), WORKSPACE.owner("down_table"));
        assertTrue(WORKSPACE.namespace("up").allows("down_table"));
        assertFalse(WORKSPACE.namespace("down").allows("down_table"), "down's prefix may not take up's output");
        assertFalse(WORKSPACE.namespace("down").allows("DOWN_TABLE"));
        assertTrue(WORKSPACE.namespace("down").allows("down_helper"));
    }

    @Test
    void aNameBelongsToTheTaskWithTheLongestMatchingPrefix() {
        Namespace x = WORKSPACE.namespace("x");
        Namespace xy = WORKSPACE.namespace("x_y");

        assertFalse(x.allows("x_y_report"), "x_y's output");
        assertFalse(x.allows("x_y_extra"), "x_y's prefix");
        assertFalse(x.allows("X_Y_Extra"));
        assertTrue(xy.allows("x_y_extra"));
        assertTrue(xy.allows("x_y_report"));
        assertTrue(x.allows("x_report"));
        assertTrue(x.allows("x_helper"));
        assertFalse(xy.allows("x_helper"));
    }

    @Test
    void inputTablesAndMetadataTablesBelongToNoTask() {
        assertEquals(Optional.empty(), WORKSPACE.owner("sales_raw"));
        assertFalse(WORKSPACE.namespace("sales").allows("sales_raw"), "an input table is never in a namespace");
        assertEquals(Optional.empty(), WORKSPACE.owner("_task_meta"));
        assertFalse(WORKSPACE.namespace("_task").allows("_task_meta"), "a metadata table is never in a namespace");
        assertTrue(WORKSPACE.namespace("_task").allows("_task_helper"));
        assertEquals(Optional.empty(), WORKSPACE.owner("stray_name"));
    }

    @Test
    void aTaskReadsItsInputsAndItsOwnNamesOnly() {
        Namespace down = WORKSPACE.namespace("down");

        assertTrue(down.mayRead("orders"));
        assertTrue(down.mayRead("DOWN_TABLE"), "a listed upstream output");
        assertTrue(down.mayRead("down_report"));
        assertTrue(down.mayRead("down_helper"));
        assertFalse(down.mayRead("sales_raw"), "an input table it does not list");
        assertFalse(down.mayRead("x_report"), "another task's output it does not list");
        assertFalse(down.mayRead("_trace"));
    }

    @Test
    void describeSaysWhichNamesWithTheTasksPrefixBelongToOthers() {
        assertEquals("x_report or names starting with x_ (except names starting with x_y_ (task x_y))",
                WORKSPACE.namespace("x").describe());
        assertEquals("down_report or names starting with down_ (except down_table (an output of task up))",
                WORKSPACE.namespace("down").describe());
        assertEquals("sales_summary or names starting with sales_ (except sales_raw (an input table))",
                WORKSPACE.namespace("sales").describe());
        assertEquals("x_y_report or names starting with x_y_", WORKSPACE.namespace("x_y").describe());
    }

    @Test
    void describeNameSaysWhatANameIs() {
        assertEquals("an output of task 'up'", WORKSPACE.describeName("DOWN_TABLE"));
        assertEquals("a name of task 'x_y' (its prefix x_y_)", WORKSPACE.describeName("x_y_helper"));
        assertEquals("an input table", WORKSPACE.describeName("orders"));
        assertEquals("one of the workspace's metadata tables", WORKSPACE.describeName("_workspace_meta"));
        assertEquals("not a table or view any task or input declares", WORKSPACE.describeName("nothing"));
    }

    @Test
    void overlapWarningsNameTheTaskThePrefixAndTheOutputsOwner() {
        assertEquals(List.of(
                "Task 'down' has the name prefix down_, which also matches 'down_table', an output of task 'up'. "
                        + "The output belongs to 'up': task 'down' may not create, replace or drop it. Rename the "
                        + "output or the task if that is not what you meant.",
                "Task 'x' has the name prefix x_, which also matches 'x_y_report', an output of task 'x_y'. The "
                        + "output belongs to 'x_y': task 'x' may not create, replace or drop it. Rename the output or "
                        + "the task if that is not what you meant."),
                WORKSPACE.overlapWarnings());
        assertEquals(List.of(), Namespaces.of(List.of(task("a", List.of("t"), "a_out"), task("b", List.of("t"),
                "b_out")), List.of("t")).overlapWarnings());
    }

    @Test
    void aNamespaceOfAnUnknownTaskIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> WORKSPACE.namespace("nobody"));
    }
}
