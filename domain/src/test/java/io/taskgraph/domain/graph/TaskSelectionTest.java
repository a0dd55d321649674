package io.taskgraph.domain.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.spec.TaskSpec;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskSelectionTest {
    /** prep feeds sales and costs, both feed report; audit reads the raw table and nothing reads it. */
    private static final TaskGraph GRAPH = TaskGraph.of(List.of(
            task("prep", List.of("transactions"), List.of("prepared_sales", "prepared_costs")),
            task("sales", List.of("prepared_sales"), List.of("sales_summary")),
            task("costs", List.of("prepared_costs"), List.of("costs_summary")),
            task("report", List.of("sales_summary", "costs_summary"), List.of("profit_report")),
            task("audit", List.of("transactions"), List.of("audit_log"))), List.of("transactions"));

    private static TaskSpec task(String name, List<String> inputs, List<String> outputs) {
        return TaskSpec.agent(name, "Do " + name + ".", inputs, outputs);
    }

    private static List<String> select(String... arguments) {
        return List.copyOf(GRAPH.select(TaskSelection.parse(List.of(arguments))));
    }

    @Test
    void aBareNameSelectsThatTaskOnly() {
        assertEquals(List.of("sales"), select("sales"));
    }

    @Test
    void namePlusAddsEverythingDownstream() {
        assertEquals(List.of("prep", "sales", "costs", "report"), select("prep+"));
        assertEquals(List.of("sales", "report"), select("sales+"));
    }

    @Test
    void plusNameAddsEverythingUpstream() {
        assertEquals(List.of("prep", "sales", "costs", "report"), select("+report"));
        assertEquals(List.of("prep", "costs"), select("+costs"));
    }

    @Test
    void plusNamePlusAddsBothDirections() {
        assertEquals(List.of("prep", "costs", "report"), select("+costs+"));
    }

    @Test
    void commasAndRepeatedArgumentsAddUpInSpecOrder() {
        assertEquals(List.of("sales", "report", "audit"), select("audit,sales+"));
        assertEquals(List.of("costs", "audit"), select("audit", " costs "));
        assertEquals(List.of("sales"), select("sales,sales"));
    }

    @Test
    void nothingSelectedMeansEveryTask() {
        assertTrue(TaskSelection.parse(List.of()).all());
        assertEquals(List.of("prep", "sales", "costs", "report", "audit"), List.copyOf(GRAPH.select(TaskSelection.ALL)));
    }

    @Test
    void theSelectionReadsBackAsTheUserWroteIt() {
        assertEquals("+sales+,report", TaskSelection.parse(List.of("+sales+", "report")).text());
        assertEquals("a,b", TaskSelection.of(List.of("a", "b")).text());
    }

    @Test
    void anUnknownNameListsTheTasksAndSuggestsTheClosest() {
        UnknownTaskException e = assertThrows(UnknownTaskException.class, () -> select("sales", "reprot+"));
        assertEquals("No task named 'reprot' in the selection (did you mean 'report'?); the spec's tasks are prep, "
                + "sales, costs, report, audit.", e.getMessage());
        assertEquals("reprot", e.name());
        assertTrue(e instanceof UsageException);
    }

    @Test
    void anUnknownNameFarFromEveryTaskGetsNoSuggestion() {
        UnknownTaskException e = assertThrows(UnknownTaskException.class, () -> select("inventory"));
        assertEquals("No task named 'inventory' in the selection; the spec's tasks are prep, sales, costs, report, "
                + "audit.", e.getMessage());
    }

    @Test
    void malformedSelectorsAreRefusedSayingWhatIsAccepted() {
        for (String bad : List.of("", "sales,", "+", "++", "sa+les", "++sales", "two words")) {
            UsageException e = assertThrows(UsageException.class, () -> TaskSelection.parse(List.of(bad)), bad);
            assertTrue(e.getMessage().startsWith("Cannot select tasks with "), e.getMessage());
            assertTrue(e.getMessage().contains("NAME+ for it and everything downstream"), e.getMessage());
        }
    }

    @Test
    void withUpstreamAddsWhatTheChosenTasksNeed() {
        assertEquals(Set.of("prep", "sales"), GRAPH.withUpstream(List.of("sales")));
        assertEquals(List.of("prep", "sales", "costs", "report", "audit"),
                List.copyOf(GRAPH.withUpstream(List.of("audit", "report"))));
    }

    @Test
    void aRestrictedGraphSchedulesOnlyTheKeptTasks() {
        TaskGraph part = GRAPH.restrictedTo(GRAPH.withUpstream(List.of("sales")));
        assertEquals(List.of(List.of("prep"), List.of("sales")), part.layers());
        assertEquals(Set.of("prep"), part.dependencies("sales"));
        assertThrows(IllegalArgumentException.class, () -> GRAPH.restrictedTo(Set.of("sales")));
    }
}
