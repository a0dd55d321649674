package io.taskgraph.application.agent;

/** Why an agent loop ended. */
public enum AgentStop {
    /** The model finished and validation passed. */
    PASSED,
    /** The model call budget was spent before validation passed. */
    ITERATION_BUDGET,
    /** Prompt plus completion tokens reached the circuit breaker. */
    TOKEN_BUDGET,
    /** Turn after turn the model answered without a tool call and validation failed the same way. */
    NO_PROGRESS,
    /** The model could not be called (the client gave up after its retries). */
    LLM_ERROR,
    /** The model server refuses the account (key, credit, model access): no call of the run can succeed. */
    MODEL_ACCESS_DENIED,
    /** A tool failed in a way the model cannot fix (the workspace connection broke). */
    TOOL_ERROR,
    /** The run was cancelled. */
    CANCELLED
}
