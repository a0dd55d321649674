package io.taskgraph.domain.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamespaceTest {
    private final Namespace sales = new Namespace("sales", List.of("sales_summary", "top_products"));

    @Test
    void declaredOutputsAreAllowedWithoutRegardToCase() {
        assertTrue(sales.allows("top_products"));
        assertTrue(sales.allows("TOP_Products"));
    }

    @Test
    void namesPrefixedWithTheTaskNameAndAnUnderscoreAreAllowed() {
        assertTrue(sales.allows("sales_scratch"));
        assertTrue(sales.allows("SALES_step_2"));
    }

    @Test
    void otherNamesAreNotAllowed() {
        assertFalse(sales.allows("costs_summary"));
        assertFalse(sales.allows("salesx"), "the prefix needs the underscore");
        assertFalse(sales.allows("sales"), "the task name alone is neither an output nor prefixed");
        assertFalse(sales.allows("top_products_v2"));
    }

    @Test
    void describeListsOutputsThenThePrefix() {
        assertEquals("sales_summary, top_products or names starting with sales_", sales.describe());
        assertEquals("names starting with prep_", new Namespace("prep", List.of()).describe());
    }

    @Test
    void outputsAreCopied() {
        List<String> outputs = new ArrayList<>(List.of("a"));
        Namespace namespace = new Namespace("t", outputs);
        outputs.add("b");
        assertFalse(namespace.allows("b"));
    }
}
