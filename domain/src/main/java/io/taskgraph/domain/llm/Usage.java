package io.taskgraph.domain.llm;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Token counts of one or more model calls; {@code cachedPrompt} and {@code reasoning} are subsets. {@code cost}
 * is what the model server said the calls cost, in US dollars (OpenRouter reports it as {@code usage.cost}); it
 * is empty when the server reported none, and is never estimated from token counts.
 */
public record Usage(long prompt, long completion, long cachedPrompt, long reasoning, Optional<BigDecimal> cost) {
    public static final Usage NONE = new Usage(0, 0, 0, 0);

    public Usage {
        Objects.requireNonNull(cost, "cost: Optional.empty() when the server reported none");
    }

    /** Token counts from a server that reported no cost. */
    public Usage(long prompt, long completion, long cachedPrompt, long reasoning) {
        this(prompt, completion, cachedPrompt, reasoning, Optional.empty());
    }

    /** The same counts with the cost the server reported for them. */
    public Usage withCost(BigDecimal dollars) {
        return new Usage(prompt, completion, cachedPrompt, reasoning, Optional.of(dollars));
    }

    /** Counts add up; the cost is the sum of the costs reported, and stays empty only when neither side has one. */
    public Usage plus(Usage other) {
        Optional<BigDecimal> sum = cost.isEmpty() ? other.cost
                : Optional.of(other.cost.map(cost.get()::add).orElse(cost.get()));
        return new Usage(prompt + other.prompt, completion + other.completion,
                cachedPrompt + other.cachedPrompt, reasoning + other.reasoning, sum);
    }

    /** Prompt plus completion tokens: what the circuit breaker counts. */
    public long total() {
        return prompt + completion;
    }
}
