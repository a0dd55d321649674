package io.taskgraph.application.agent;

import io.taskgraph.domain.llm.ReasoningEffort;

/** The model to call and the two budgets that stop an agent: model calls and prompt+completion tokens. */
public record AgentSettings(String model, ReasoningEffort effort, int maxIterations, long tokenBudget) {
    public AgentSettings {
        if (maxIterations < 1 || tokenBudget < 1) {
            throw new IllegalArgumentException("budgets must be positive");
        }
    }
}
