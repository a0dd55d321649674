package io.taskgraph.application.run;

import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.run.RunDefaults;
import java.util.Objects;

/**
 * How agents run: which model at which reasoning effort, how many model calls a task may make
 * ({@code maxIterations}), how many tasks may run at once ({@code concurrency}, 0 = no cap), the
 * per-task token circuit breaker ({@code tokenBudget}, prompt plus completion tokens), and how many turns in a row
 * an agent may make no progress before it is stopped ({@code maxIdleTurns}, 0 = never stopped for that).
 * {@code replay} says the LLM client replays a recording, so progress output can label the run as such.
 */
public record RunOptions(String model, ReasoningEffort effort, int maxIterations, int concurrency,
                         long tokenBudget, boolean replay, int maxIdleTurns) {
    public RunOptions {
        Objects.requireNonNull(effort, "effort");
        if (model == null || model.isBlank()) {
            throw new UsageException("No model given; pass a model name such as " + RunDefaults.MODEL + ".");
        }
        if (maxIterations < 1) {
            throw new UsageException("--max-iterations must be at least 1 (got " + maxIterations + ").");
        }
        if (concurrency < 0) {
            throw new UsageException("--concurrency must be 0 (no cap) or a positive number (got "
                    + concurrency + ").");
        }
        if (tokenBudget < 1) {
            throw new UsageException("The token budget must be positive (got " + tokenBudget + ").");
        }
        if (maxIdleTurns < 0) {
            throw new UsageException("--max-idle-turns must be 0 (never stop an agent for making no progress) or a "
                    + "positive number (got " + maxIdleTurns + ").");
        }
    }

    public RunOptions(String model, ReasoningEffort effort, int maxIterations, int concurrency, long tokenBudget,
                      boolean replay) {
        this(model, effort, maxIterations, concurrency, tokenBudget, replay, RunDefaults.MAX_IDLE_TURNS);
    }

    public RunOptions(String model, ReasoningEffort effort, int maxIterations, int concurrency, long tokenBudget) {
        this(model, effort, maxIterations, concurrency, tokenBudget, false);
    }

    /** {@code model} with the product's {@link RunDefaults} for everything else. */
    public static RunOptions defaults(String model) {
        return new RunOptions(model, RunDefaults.REASONING_EFFORT, RunDefaults.MAX_ITERATIONS, RunDefaults.CONCURRENCY,
                RunDefaults.TOKEN_BUDGET, false, RunDefaults.MAX_IDLE_TURNS);
    }

    public RunOptions withModel(String newModel) {
        return new RunOptions(newModel, effort, maxIterations, concurrency, tokenBudget, replay, maxIdleTurns);
    }

    public RunOptions withEffort(ReasoningEffort newEffort) {
        return new RunOptions(model, newEffort, maxIterations, concurrency, tokenBudget, replay, maxIdleTurns);
    }

    public RunOptions withMaxIterations(int newMaxIterations) {
        return new RunOptions(model, effort, newMaxIterations, concurrency, tokenBudget, replay, maxIdleTurns);
    }

    public RunOptions withConcurrency(int newConcurrency) {
        return new RunOptions(model, effort, maxIterations, newConcurrency, tokenBudget, replay, maxIdleTurns);
    }

    public RunOptions withTokenBudget(long newTokenBudget) {
        return new RunOptions(model, effort, maxIterations, concurrency, newTokenBudget, replay, maxIdleTurns);
    }

    public RunOptions withReplay(boolean newReplay) {
        return new RunOptions(model, effort, maxIterations, concurrency, tokenBudget, newReplay, maxIdleTurns);
    }

    public RunOptions withMaxIdleTurns(int newMaxIdleTurns) {
        return new RunOptions(model, effort, maxIterations, concurrency, tokenBudget, replay, newMaxIdleTurns);
    }
}
