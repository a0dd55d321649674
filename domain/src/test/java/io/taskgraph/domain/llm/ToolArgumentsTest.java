package io.taskgraph.domain.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToolArgumentsTest {
    @Test
    void valuesKeepTheOrderTheyWereSentInAndNullValues() {
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("query", "SELECT 1");
        sent.put("limit", null);
        sent.put("columns", List.of("a", "b"));

        ToolArguments.Values values = ToolArguments.of(sent);

        assertEquals(List.of("query", "limit", "columns"), List.copyOf(values.values().keySet()));
        assertEquals(Optional.of("SELECT 1"), values.text("query"));
        assertEquals(Optional.empty(), values.text("columns"), "a list is not text");
        assertEquals(Optional.empty(), values.text("missing"));
    }

    @Test
    void malformedArgumentsAreTheSameCallWhenTheirTextIsWhateverReaderWordedTheProblem() {
        ToolArguments.Malformed recorded = ToolArguments.malformed("{\"query\": ", "unexpected end of JSON");
        ToolArguments.Malformed replayed = ToolArguments.malformed("{\"query\": ", "Unexpected end-of-input");

        assertEquals(recorded, replayed);
        assertEquals(recorded.hashCode(), replayed.hashCode());
        assertNotEquals(recorded, ToolArguments.malformed("{\"query\": 1", "unexpected end of JSON"));
    }

    @Test
    void aCallWithoutArgumentsHasNone() {
        assertEquals(ToolArguments.NONE, new ToolCall("call_1", "run_sql", null).arguments());
    }
}
