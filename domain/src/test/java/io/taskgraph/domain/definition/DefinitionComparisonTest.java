package io.taskgraph.domain.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.spec.TaskSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefinitionComparisonTest {
    private static final TaskDefinition NOW = TaskDefinition.of(TaskSpec.agent("costs", "Total all costs.",
            List.of("prepared_costs"), List.of("costs_summary")));

    @Test
    void aRecordedDefinitionIsComparedFieldByField() {
        TaskDefinition recorded = TaskDefinition.of(TaskSpec.agent("costs", "Total the costs.",
                List.of("prepared_costs"), List.of("costs_summary")).withValidateSql(List.of("SELECT 1 WHERE false")));
        DefinitionComparison comparison = DefinitionComparison.compare(NOW, Optional.of(recorded), Optional.of("ignored"));
        assertEquals(DefinitionComparison.Basis.DEFINITION, comparison.basis());
        assertEquals(List.of("prompt", "validate_sql"), comparison.fields());
        assertEquals("prompt and validate_sql changed", comparison.summary());
    }

    @Test
    void anUnchangedDefinitionSaysSo() {
        DefinitionComparison comparison = DefinitionComparison.compare(NOW, Optional.of(NOW), Optional.empty());
        assertFalse(comparison.changed());
        assertEquals("unchanged", comparison.summary());
    }

    @Test
    void withOnlyTheRecordedPromptOnlyAPromptChangeCanBeTold() {
        DefinitionComparison same = DefinitionComparison.compare(NOW, Optional.empty(), Optional.of("Total all costs.\n"));
        assertEquals(DefinitionComparison.Basis.PROMPT_ONLY, same.basis());
        assertFalse(same.changed());
        assertEquals("definition not recorded; prompt unchanged", same.summary());
        DefinitionComparison reworded = DefinitionComparison.compare(NOW, Optional.empty(), Optional.of("Total costs."));
        assertTrue(reworded.changed());
        assertEquals(List.of("prompt"), reworded.fields());
        assertEquals("definition not recorded; prompt changed", reworded.summary());
    }

    @Test
    void withNothingRecordedNoChangeIsProven() {
        DefinitionComparison nothing = DefinitionComparison.compare(NOW, Optional.empty(), Optional.empty());
        assertFalse(nothing.changed());
        assertEquals("definition not recorded; cannot tell what changed", nothing.summary());
    }

    @Test
    void threeOrMoreFieldsReadAsAList() {
        assertEquals("prompt, sql and repair", DefinitionComparison.joined(List.of("prompt", "sql", "repair")));
    }
}
