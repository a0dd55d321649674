package io.taskgraph.application.agent;

import io.taskgraph.domain.llm.Usage;
import java.util.List;

/**
 * How one agent conversation ended: the reason it stopped, the model calls ({@code iterations}) and tool
 * calls it made, the tokens it used, its last text answer, and (unless it passed) the latest validation
 * failures and a sentence saying why it stopped.
 */
public record AgentResult(AgentStop stop, int iterations, int toolCalls, Usage usage, String finalMessage,
                          List<String> failures, String reason) {
    public AgentResult {
        failures = List.copyOf(failures);
        finalMessage = finalMessage == null ? "" : finalMessage;
        reason = reason == null ? "" : reason;
    }

    public boolean passed() {
        return stop == AgentStop.PASSED;
    }
}
