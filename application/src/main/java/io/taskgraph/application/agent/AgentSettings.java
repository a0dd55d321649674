package io.taskgraph.application.agent;

import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.run.RunDefaults;

/**
 * The model to call and what stops an agent that does not get there: its budgets of model calls and of
 * prompt+completion tokens, and {@code maxIdleTurns} turns in a row without progress (0: never for that).
 */
public record AgentSettings(String model, ReasoningEffort effort, int maxIterations, long tokenBudget,
                            int maxIdleTurns) {
    public AgentSettings {
        if (maxIterations < 1 || tokenBudget < 1 || maxIdleTurns < 0) {
            throw new IllegalArgumentException("budgets must be positive");
        }
    }

    /** The product's default patience with an agent that makes no progress. */
    public AgentSettings(String model, ReasoningEffort effort, int maxIterations, long tokenBudget) {
        this(model, effort, maxIterations, tokenBudget, RunDefaults.MAX_IDLE_TURNS);
    }
}
