package io.taskgraph.domain.run;

import io.taskgraph.domain.llm.ReasoningEffort;
import java.time.Duration;

/**
 * The product's defaults, defined here and nowhere else: the CLI's option defaults and help, the web form (served
 * by the API), the agents' system prompt and tool description, and the SQL engine's limits all read them.
 */
public final class RunDefaults {
    /** The model agents use unless told otherwise. */
    public static final String MODEL = "openai/gpt-5.2";
    /** How hard a reasoning model thinks unless told otherwise. */
    public static final ReasoningEffort REASONING_EFFORT = ReasoningEffort.LOW;
    /** Most model calls one task's agent may make. */
    public static final int MAX_ITERATIONS = 200;
    /**
     * Turns in a row without progress (an answer with no tool call whose outputs fail validation exactly as in the
     * turn before) after which a task's agent is stopped; 0 never stops it for that.
     */
    public static final int MAX_IDLE_TURNS = 3;
    /** Most tasks running at once; 0 puts no cap beyond the DAG. */
    public static final int CONCURRENCY = 0;
    /** The per-task circuit breaker: prompt plus completion tokens. */
    public static final long TOKEN_BUDGET = 20_000_000L;
    /** How long one agent statement may run before it is cancelled (the connection stays usable). */
    public static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);
    /** The largest result, in characters of its JSON, an agent statement may return. */
    public static final int RESULT_LIMIT_CHARS = 30_000;

    private RunDefaults() {
    }
}
