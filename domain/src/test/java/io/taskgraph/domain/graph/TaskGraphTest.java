package io.taskgraph.domain.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.spec.TaskSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskGraphTest {
    private static final List<String> TABLES = List.of("transactions", "products");

    private static TaskSpec task(String name, List<String> inputs, List<String> outputs) {
        return TaskSpec.agent(name, "Do " + name + ".", inputs, outputs);
    }

    /** The diamond of SEED.md: prep feeds sales and costs, which both feed report. */
    private static List<TaskSpec> diamond() {
        return List.of(
                task("prep", List.of("transactions"), List.of("prepared_sales", "prepared_costs")),
                task("sales", List.of("prepared_sales", "products"), List.of("sales_summary")),
                task("costs", List.of("prepared_costs"), List.of("costs_summary")),
                task("report", List.of("sales_summary", "costs_summary"), List.of("profit_report")));
    }

    private static GraphException graphError(List<TaskSpec> tasks, List<String> tables) {
        return assertThrows(GraphException.class, () -> TaskGraph.of(tasks, tables));
    }

    @Test
    void dependenciesFollowEdgesFromOutputsToInputs() {
        TaskGraph graph = TaskGraph.of(diamond(), TABLES);
        assertEquals(Set.of(), graph.dependencies("prep"));
        assertEquals(Set.of("prep"), graph.dependencies("sales"));
        assertEquals(Set.of("prep"), graph.dependencies("costs"));
        assertEquals(Set.of("sales", "costs"), graph.dependencies("report"));
    }

    @Test
    void kahnLayersOfTheDiamond() {
        TaskGraph graph = TaskGraph.of(diamond(), TABLES);
        assertEquals(List.of(List.of("prep"), List.of("sales", "costs"), List.of("report")), graph.layers());
        assertEquals(List.of("prep", "sales", "costs", "report"), graph.order());
    }

    @Test
    void layersKeepSpecOrderAndPutIndependentTasksTogether() {
        List<TaskSpec> tasks = List.of(
                task("late", List.of("early_out"), List.of("late_out")),
                task("b", List.of("products"), List.of("b_out")),
                task("early", List.of("transactions"), List.of("early_out")));
        TaskGraph graph = TaskGraph.of(tasks, TABLES);
        assertEquals(List.of(List.of("b", "early"), List.of("late")), graph.layers());
    }

    @Test
    void upstreamAndDownstreamAreTransitive() {
        TaskGraph graph = TaskGraph.of(diamond(), TABLES);
        assertEquals(Set.of("sales", "costs", "prep"), graph.upstream("report"));
        assertEquals(Set.of(), graph.upstream("prep"));
        assertEquals(Set.of("sales", "costs", "report"), graph.downstream("prep"));
        assertEquals(Set.of("report"), graph.downstream("costs"));
        assertEquals(Set.of(), graph.downstream("report"));
    }

    @Test
    void producerOfAViewIsTheTaskThatOutputsIt() {
        TaskGraph graph = TaskGraph.of(diamond(), TABLES);
        assertEquals(Optional.of("sales"), graph.producerOf("sales_summary"));
        assertEquals(Optional.empty(), graph.producerOf("transactions"));
    }

    @Test
    void readySetGrowsGreedilyAsDependenciesPass() {
        TaskGraph graph = TaskGraph.of(diamond(), TABLES);
        assertEquals(List.of("prep"), graph.ready(Set.of(), Set.of()));
        assertEquals(List.of(), graph.ready(Set.of(), Set.of("prep")), "a started task is not ready again");
        assertEquals(List.of("sales", "costs"), graph.ready(Set.of("prep"), Set.of("prep")));
        assertEquals(List.of("costs"), graph.ready(Set.of("prep", "sales"), Set.of("prep", "sales")),
                "sales passing does not wait for costs");
        assertEquals(List.of(), graph.ready(Set.of("prep", "sales"), Set.of("prep", "sales", "costs")),
                "report waits for costs");
        assertEquals(List.of("report"), graph.ready(Set.of("prep", "sales", "costs"), Set.of("prep", "sales", "costs")));
    }

    @Test
    void failedTaskBlocksOnlyItsDependents() {
        List<TaskSpec> tasks = List.of(
                task("a", List.of("transactions"), List.of("a_out")),
                task("b", List.of("a_out"), List.of("b_out")),
                task("c", List.of("products"), List.of("c_out")));
        TaskGraph graph = TaskGraph.of(tasks, TABLES);
        Set<String> settled = Set.of("a");
        assertEquals(List.of("c"), graph.ready(Set.of(), settled), "a failed: b is blocked, c is not");
    }

    @Test
    void unknownTaskNamesAreRejected() {
        TaskGraph graph = TaskGraph.of(diamond(), TABLES);
        assertEquals("no task named nope", assertThrows(IllegalArgumentException.class, () -> graph.task("nope"))
                .getMessage());
        assertEquals("no task named nope", assertThrows(IllegalArgumentException.class,
                () -> graph.dependencies("nope")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> graph.downstream("nope"));
        assertEquals("report", graph.task("report").name());
    }

    @Test
    void cycleErrorNamesEveryTaskOnTheCycle() {
        List<TaskSpec> tasks = List.of(
                task("a", List.of("transactions", "c_out"), List.of("a_out")),
                task("b", List.of("a_out"), List.of("b_out")),
                task("c", List.of("b_out"), List.of("c_out")),
                task("outside", List.of("a_out"), List.of("outside_out")));
        GraphException e = graphError(tasks, TABLES);
        assertEquals("The tasks form a cycle: a -> c -> b -> a (each reads an output of the next); a task cannot "
                + "depend on its own outputs, directly or not.", e.getMessage());
        assertFalse(e.getMessage().contains("outside"), "a task that only hangs off the cycle is not on it");
    }

    @Test
    void twoTasksReadingEachOthersOutputsFormACycle() {
        List<TaskSpec> tasks = List.of(
                task("left_side", List.of("right_out"), List.of("left_out")),
                task("right_side", List.of("left_out"), List.of("right_out")));
        assertEquals(List.of("The tasks form a cycle: left_side -> right_side -> left_side (each reads an output of "
                        + "the next); a task cannot depend on its own outputs, directly or not."),
                graphError(tasks, TABLES).problems());
    }

    @Test
    void outputProducedTwiceNamesBothTasks() {
        List<TaskSpec> tasks = List.of(
                task("first", List.of("transactions"), List.of("summary")),
                task("second", List.of("products"), List.of("summary")));
        assertEquals("Output 'summary' is produced by both task 'first' and task 'second'; each view must have "
                + "exactly one producing task.", graphError(tasks, TABLES).getMessage());
    }

    @Test
    void aMisspeltInputSuggestsTheTableOrOutputItResembles() {
        List<TaskSpec> tasks = List.of(
                task("prep", List.of("transactions"), List.of("sales_summary")),
                task("report", List.of("transactons", "sales_sumary"), List.of("profit_report")));
        assertEquals(List.of(
                "Task 'report' reads input 'transactons', which is neither an ingested table [products, "
                        + "transactions] nor an output of another task; did you mean 'transactions'?",
                "Task 'report' reads input 'sales_sumary', which is neither an ingested table [products, "
                        + "transactions] nor an output of another task; did you mean 'sales_summary'?"),
                graphError(tasks, TABLES).problems());
    }

    @Test
    void unknownInputNamesTaskAndInputAndTheAvailableTables() {
        List<TaskSpec> tasks = List.of(task("report", List.of("refunds"), List.of("profit_report")));
        assertEquals("Task 'report' reads input 'refunds', which is neither an ingested table [products, "
                + "transactions] nor an output of another task.", graphError(tasks, TABLES).getMessage());
    }

    @Test
    void outputShadowingAnInputTableIsRejected() {
        List<TaskSpec> tasks = List.of(task("prep", List.of("transactions"), List.of("products")));
        assertEquals("Task 'prep' declares output 'products', which is also an input table; rename the output.",
                graphError(tasks, TABLES).getMessage());
    }

    @Test
    void taskReadingItsOwnOutputIsRejected() {
        List<TaskSpec> tasks = List.of(task("loop", List.of("loop_out"), List.of("loop_out")));
        assertEquals("Task 'loop' lists 'loop_out' as both input and output.", graphError(tasks, TABLES).getMessage());
    }

    @Test
    void duplicateTaskNamesAreAProblemEvenWithoutAWorkspaceSpec() {
        List<TaskSpec> tasks = List.of(
                task("same", List.of("transactions"), List.of("one")),
                task("same", List.of("products"), List.of("two")));
        assertEquals("Two tasks are named 'same'; task names must be unique, rename one.",
                graphError(tasks, TABLES).getMessage());
    }

    @Test
    void everyProblemIsListedInOneError() {
        List<TaskSpec> tasks = List.of(
                task("first", List.of("missing_a"), List.of("summary")),
                task("second", List.of("missing_b"), List.of("summary")));
        GraphException e = graphError(tasks, TABLES);
        assertEquals(List.of(
                "Output 'summary' is produced by both task 'first' and task 'second'; each view must have exactly "
                        + "one producing task.",
                "Task 'first' reads input 'missing_a', which is neither an ingested table [products, transactions] "
                        + "nor an output of another task.",
                "Task 'second' reads input 'missing_b', which is neither an ingested table [products, transactions] "
                        + "nor an output of another task."), e.problems());
        assertTrue(e.getMessage().startsWith("The task graph has 3 problems:\n  - Output 'summary'"));
        assertInstanceOf(InvalidSpecException.class, e);
    }

    @Test
    void problemsOfAValidGraphIsEmpty() {
        assertEquals(List.of(), TaskGraph.problems(diamond(), TABLES));
    }

    @Test
    void layersOfALongChainAreComputedQuickly() {
        List<TaskSpec> chain = new ArrayList<>();
        chain.add(task("t0", List.of("transactions"), List.of("t0_out")));
        for (int i = 1; i < 300; i++) {
            chain.add(task("t" + i, List.of("t" + (i - 1) + "_out"), List.of("t" + i + "_out")));
        }
        List<List<String>> layers = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> TaskGraph.of(chain, TABLES).layers());
        assertEquals(300, layers.size());
    }
}
