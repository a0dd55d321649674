package io.taskgraph.application.agent;

import java.util.List;

/**
 * Counts the turns in a row in which an agent made no progress: it answered without a tool call, so nothing in the
 * workspace changed, and validation failed exactly as it did after its previous answer. Such an agent is re-prompted
 * with the same feedback and answers the same way; without this count it would spend its whole budget doing so.
 * The first failing answer is not idle (the failure is news to the agent); each identical one after it is.
 */
final class IdleTurns {
    /** The failures after the previous turn when that turn was an answer without tool calls; else null. */
    private List<String> lastFailures;
    private int inARow;

    /** The agent ran tools this turn: it is working, whatever comes of it. */
    void acted() {
        lastFailures = null;
        inARow = 0;
    }

    /** The agent answered without a tool call and validation failed with {@code failures}; the idle turns in a row. */
    int answeredAndFailed(List<String> failures) {
        inARow = failures.equals(lastFailures) ? inARow + 1 : 0;
        lastFailures = List.copyOf(failures);
        return inARow;
    }

    /** Why the agent was stopped after {@code turns} idle turns. */
    static String reason(int turns) {
        return "No progress in " + turns + (turns == 1 ? " turn" : " turns in a row") + ": it answered without "
                + "running any SQL and validation failed the same way each time (--max-idle-turns " + turns + ").";
    }
}
