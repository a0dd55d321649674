package io.taskgraph.application.agent;

import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.json.JsonException;
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
        String arguments = call.arguments() == null ? "" : call.arguments();
        try {
            Object parsed = Json.parse(arguments);
            if (parsed instanceof java.util.Map<?, ?> map && map.get("query") instanceof String query) {
                return call.name() + "\u0000" + query.strip();
            }
            return call.name() + "\u0000" + Json.write(parsed);
        } catch (JsonException e) {
            return call.name() + "\u0000" + arguments.strip();
        }
    }

    static String note() {
        return "You have sent this identical call in " + ROUNDS + " rounds in a row. Repeating it will not "
                + "change its result: read the result, then change the query, build the next view, or answer "
                + "without a tool call if you are done.";
    }
}
