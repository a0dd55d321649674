package io.taskgraph.domain.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.json.JsonException;
import io.taskgraph.domain.spec.TaskKind;
import io.taskgraph.domain.spec.TaskSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskDefinitionTest {
    private static final TaskSpec SALES = new TaskSpec("sales", "Sum sales revenue by category.", List.of(), false,
            List.of("prepared_sales", "products"), List.of("sales_summary"),
            Map.of("sales_summary", List.of("category", "revenue")),
            List.of("SELECT 'negative revenue' FROM sales_summary WHERE revenue < 0"));

    private static TaskSpec sales(String prompt, List<String> checks) {
        return new TaskSpec("sales", prompt, List.of(), false, List.of("products", "prepared_sales"),
                List.of("sales_summary"), Map.of("sales_summary", List.of("revenue", "category")), checks);
    }

    @Test
    void theJsonFormHoldsEveryFieldTheSpecDeclaresAndReadsBack() {
        TaskDefinition definition = TaskDefinition.of(SALES);
        Map<String, Object> json = Json.parseObject(definition.toJson());
        assertEquals(List.of("kind", "prompt", "sql", "repair", "inputs", "outputs", "output_columns", "validate_sql"),
                List.copyOf(json.keySet()));
        assertEquals("agent", json.get("kind"));
        assertEquals("Sum sales revenue by category.", json.get("prompt"));
        assertEquals(Map.of("sales_summary", List.of("category", "revenue")), json.get("output_columns"));
        assertEquals(definition, TaskDefinition.parse(definition.toJson()));
    }

    @Test
    void aSqlTaskWithRepairRoundTrips() {
        TaskSpec sql = new TaskSpec("totals", "Totals per day.", List.of("CREATE VIEW totals AS SELECT 1 AS n"), true,
                List.of(), List.of("totals"), Map.of(), List.of());
        TaskDefinition parsed = TaskDefinition.parse(TaskDefinition.of(sql).toJson());
        assertEquals(TaskKind.SQL, parsed.kind());
        assertTrue(parsed.repair());
        assertEquals(List.of("CREATE VIEW totals AS SELECT 1 AS n"), parsed.sql());
    }

    @Test
    void nothingChangesWhenOnlyWhitespaceOrtheOrderOfNamesDiffers() {
        TaskDefinition recorded = TaskDefinition.of(SALES);
        TaskDefinition now = TaskDefinition.of(sales("  Sum sales revenue by category.\n",
                List.of("\n  SELECT 'negative revenue' FROM sales_summary WHERE revenue < 0  ")));
        assertEquals(List.of(), now.changesSince(recorded));
    }

    @Test
    void aRewordedPromptAndAnEditedCheckAreNamedWithBeforeAndAfter() {
        TaskDefinition recorded = TaskDefinition.of(SALES);
        TaskDefinition now = TaskDefinition.of(sales("Sum sales revenue by product category.",
                List.of("SELECT 'negative revenue' FROM sales_summary WHERE revenue < 0",
                        "SELECT 'no rows' WHERE NOT EXISTS (SELECT 1 FROM sales_summary)")));
        List<FieldChange> changes = now.changesSince(recorded);
        assertEquals(List.of("prompt", "validate_sql"), changes.stream().map(FieldChange::field).toList());
        assertEquals("Sum sales revenue by category.", changes.get(0).before());
        assertEquals("Sum sales revenue by product category.", changes.get(0).after());
        assertEquals(Optional.of(List.of(
                "  SELECT 'negative revenue' FROM sales_summary WHERE revenue < 0",
                "+ SELECT 'no rows' WHERE NOT EXISTS (SELECT 1 FROM sales_summary)")), changes.get(1).diff(6, 100));
    }

    @Test
    void repairAndSqlChangesAreNamed() {
        TaskSpec before = new TaskSpec("totals", "Totals.", List.of("CREATE VIEW totals AS SELECT 1 AS n"), false,
                List.of(), List.of("totals"), Map.of(), List.of());
        TaskSpec after = new TaskSpec("totals", "Totals.", List.of("CREATE VIEW totals AS SELECT 2 AS n"), true,
                List.of(), List.of("totals"), Map.of(), List.of());
        assertEquals(List.of("sql", "repair"), TaskDefinition.of(after).changesSince(TaskDefinition.of(before)).stream()
                .map(FieldChange::field).toList());
    }

    @Test
    void aMalformedRecordSaysWhichFieldIsWrong() {
        JsonException kind = assertThrows(JsonException.class,
                () -> TaskDefinition.parse("{\"kind\": \"robot\", \"prompt\": \"x\"}"));
        assertEquals("the task kind should be agent or sql but is \"robot\"", kind.getMessage());
        JsonException checks = assertThrows(JsonException.class,
                () -> TaskDefinition.parse("{\"kind\": \"agent\", \"validate_sql\": \"SELECT 1\"}"));
        assertEquals("validate_sql should be a list of strings but is \"SELECT 1\"", checks.getMessage());
        assertThrows(JsonException.class, () -> TaskDefinition.parse("not json"));
    }
}
