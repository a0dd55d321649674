package io.taskgraph.domain.spec;

/** How a task produces its outputs: an LLM agent from a prompt, or fixed SQL statements. */
public enum TaskKind {
    AGENT, SQL;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
