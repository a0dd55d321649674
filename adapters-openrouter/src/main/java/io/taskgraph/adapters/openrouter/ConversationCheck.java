package io.taskgraph.adapters.openrouter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.taskgraph.domain.llm.ChatMessage;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides whether a replayed request is still the conversation that was recorded, and if not, says where it first
 * differs. System, user and assistant messages must match exactly; tool results must answer the same call and agree
 * on {@code success}, but their rows may differ (DuckDB does not promise row order without ORDER BY, and timings
 * change from run to run).
 */
final class ConversationCheck {
    private static final int CONTEXT = 80;

    private ConversationCheck() {
    }

    /** The first difference between the recorded and the actual messages, or empty when they match. */
    static Optional<String> firstDifference(List<ChatMessage> recorded, List<ChatMessage> actual) {
        int common = Math.min(recorded.size(), actual.size());
        for (int i = 0; i < common; i++) {
            Optional<String> difference = difference(recorded.get(i), actual.get(i));
            if (difference.isPresent()) {
                return Optional.of("message " + (i + 1) + " " + difference.get());
            }
        }
        if (recorded.size() != actual.size()) {
            return Optional.of("the recording has " + recorded.size() + " messages (" + roles(recorded)
                    + ") but the request has " + actual.size() + " (" + roles(actual) + ")");
        }
        return Optional.empty();
    }

    private static Optional<String> difference(ChatMessage recorded, ChatMessage actual) {
        if (!recorded.role().equals(actual.role())) {
            return Optional.of("is a " + actual.role() + " message where the recording has a " + recorded.role()
                    + " message");
        }
        if (recorded instanceof ChatMessage.Tool was && actual instanceof ChatMessage.Tool is) {
            if (!was.toolCallId().equals(is.toolCallId())) {
                return Optional.of("(tool) answers call " + is.toolCallId() + " where the recording answers "
                        + was.toolCallId());
            }
            Optional<Boolean> wasOk = success(was.content());
            Optional<Boolean> isOk = success(is.content());
            if (wasOk.isPresent() && isOk.isPresent()) {
                return wasOk.equals(isOk) ? Optional.empty()
                        : Optional.of("(tool result of " + is.toolCallId() + ") has success=" + isOk.get()
                                + " where the recording has success=" + wasOk.get() + ": " + texts(was.content(),
                                is.content()));
            }
        }
        if (recorded instanceof ChatMessage.Assistant was && actual instanceof ChatMessage.Assistant is
                && !was.toolCalls().equals(is.toolCalls())) {
            return Optional.of("(assistant) has tool calls " + is.toolCalls() + " where the recording has "
                    + was.toolCalls());
        }
        if (!recorded.content().equals(actual.content())) {
            return Optional.of("(" + actual.role() + ") differs: " + texts(recorded.content(), actual.content()));
        }
        return Optional.empty();
    }

    /** Both texts around their first differing character. */
    private static String texts(String recorded, String actual) {
        int at = 0;
        while (at < recorded.length() && at < actual.length() && recorded.charAt(at) == actual.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - CONTEXT / 2);
        return "recorded \"" + excerpt(recorded, from) + "\", got \"" + excerpt(actual, from) + "\"";
    }

    private static String excerpt(String text, int from) {
        if (from >= text.length()) {
            return from == 0 ? "" : "…";
        }
        int to = Math.min(text.length(), from + CONTEXT);
        return (from > 0 ? "…" : "") + text.substring(from, to).replace("\n", "\\n") + (to < text.length() ? "…" : "");
    }

    private static Optional<Boolean> success(String toolResult) {
        try {
            JsonNode node = WireFormat.MAPPER.readTree(toolResult);
            JsonNode success = node == null ? null : node.get("success");
            return success != null && success.isBoolean() ? Optional.of(success.asBoolean()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String roles(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::role).collect(Collectors.joining(", "));
    }
}
