package io.taskgraph.domain.llm;

import io.taskgraph.domain.UsageException;
import java.util.Locale;

/** How hard a reasoning model should think; sent as {@code reasoning: {effort}}. */
public enum ReasoningEffort {
    LOW, MEDIUM, HIGH;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReasoningEffort parse(String text) {
        for (ReasoningEffort e : values()) {
            if (e.wire().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return e;
            }
        }
        throw new UsageException("Unknown reasoning effort '" + text + "'; use low, medium or high.");
    }
}
