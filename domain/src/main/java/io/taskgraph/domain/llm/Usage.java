package io.taskgraph.domain.llm;

/** Token counts of one or more model calls; {@code cachedPrompt} and {@code reasoning} are subsets. */
public record Usage(long prompt, long completion, long cachedPrompt, long reasoning) {
    public static final Usage NONE = new Usage(0, 0, 0, 0);

    public Usage plus(Usage other) {
        return new Usage(prompt + other.prompt, completion + other.completion,
                cachedPrompt + other.cachedPrompt, reasoning + other.reasoning);
    }

    /** Prompt plus completion tokens: what the circuit breaker counts. */
    public long total() {
        return prompt + completion;
    }
}
