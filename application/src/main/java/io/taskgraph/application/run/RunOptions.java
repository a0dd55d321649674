package io.taskgraph.application.run;

import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.llm.ReasoningEffort;
import java.util.Objects;

/**
 * How agents run: which model at which reasoning effort, how many model calls a task may make
 * ({@code maxIterations}), how many tasks may run at once ({@code concurrency}, 0 = no cap), and the
 * per-task token circuit breaker ({@code tokenBudget}, prompt plus completion tokens). {@code replay}
 * says the LLM client replays a recording, so progress output can label the run as such.
 */
public record RunOptions(String model, ReasoningEffort effort, int maxIterations, int concurrency,
                         long tokenBudget, boolean replay) {
    public static final String DEFAULT_MODEL = "openai/gpt-5.2";
    public static final int DEFAULT_MAX_ITERATIONS = 200;
    public static final long DEFAULT_TOKEN_BUDGET = 20_000_000L;

    public RunOptions {
        Objects.requireNonNull(effort, "effort");
        if (model == null || model.isBlank()) {
            throw new UsageException("No model given; pass a model name such as " + DEFAULT_MODEL + ".");
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
    }

    public RunOptions(String model, ReasoningEffort effort, int maxIterations, int concurrency, long tokenBudget) {
        this(model, effort, maxIterations, concurrency, tokenBudget, false);
    }

    /** The CLI's defaults: low effort, 200 iterations, no concurrency cap, 20M tokens per task. */
    public static RunOptions defaults(String model) {
        return new RunOptions(model, ReasoningEffort.LOW, DEFAULT_MAX_ITERATIONS, 0, DEFAULT_TOKEN_BUDGET, false);
    }

    public RunOptions withModel(String newModel) {
        return new RunOptions(newModel, effort, maxIterations, concurrency, tokenBudget, replay);
    }

    public RunOptions withEffort(ReasoningEffort newEffort) {
        return new RunOptions(model, newEffort, maxIterations, concurrency, tokenBudget, replay);
    }

    public RunOptions withMaxIterations(int newMaxIterations) {
        return new RunOptions(model, effort, newMaxIterations, concurrency, tokenBudget, replay);
    }

    public RunOptions withConcurrency(int newConcurrency) {
        return new RunOptions(model, effort, maxIterations, newConcurrency, tokenBudget, replay);
    }

    public RunOptions withTokenBudget(long newTokenBudget) {
        return new RunOptions(model, effort, maxIterations, concurrency, newTokenBudget, replay);
    }

    public RunOptions withReplay(boolean newReplay) {
        return new RunOptions(model, effort, maxIterations, concurrency, tokenBudget, newReplay);
    }
}
