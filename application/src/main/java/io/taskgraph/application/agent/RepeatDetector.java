package io.taskgraph.application.agent;

import io.taskgraph.domain.llm.ToolArguments;
import io.taskgraph.domain.llm.ToolCall;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Notices a model making the identical tool call in several consecutive rounds (model responses), which
 * usually means it is stuck; the loop then tells it so instead of letting it burn its iteration budget.
 * Calls are compared by tool name and arguments re-serialised, so whitespace in the JSON does not matter.
 */
final class RepeatDetector {
    static final int ROUNDS = 3;

    private final Deque<Set<String>> recentRounds = new ArrayDeque<>();

    /** Records one round's calls; returns the calls of this round already made in each of the previous rounds. */
    Set<String> record(List<ToolCall> calls) {
        Set<String> round = new HashSet<>();
        for (ToolCall call : calls) {
            round.add(key(call));
        }
        recentRounds.addLast(round);
        while (recentRounds.size() > ROUNDS) {
            recentRounds.removeFirst();
        }
        Set<String> repeated = new HashSet<>(round);
        if (recentRounds.size() < ROUNDS) {
            return Set.of();
        }
        for (Set<String> earlier : recentRounds) {
            repeated.retainAll(earlier);
        }
        return repeated;
    }

    static String key(ToolCall call) {
        if (call.arguments() instanceof ToolArguments.Values values) {
            return call.name() + "\u0000" + values.text("query").map(String::strip).orElse(values.values().toString());
        }
        return call.name() + "\u0000" + ((ToolArguments.Malformed) call.arguments()).text().strip();
    }

    static String note() {
        return "You have sent this identical call in " + ROUNDS + " rounds in a row. Repeating it will not "
                + "change its result: read the result, then change the query, build the next view, or answer "
                + "without a tool call if you are done.";
    }
}
