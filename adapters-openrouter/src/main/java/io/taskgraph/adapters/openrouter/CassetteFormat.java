package io.taskgraph.adapters.openrouter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskgraph.domain.llm.ChatMessage;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.llm.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * One cassette line per model call, as documented in {@code adapters-openrouter/CASSETTES.md}. Messages use the
 * OpenAI chat format so a cassette reads like the conversation that went over the wire. Changing this format means
 * bumping {@link #VERSION} and keeping the old one readable: cassettes ship with demos.
 */
final class CassetteFormat {
    static final int VERSION = 1;

    private CassetteFormat() {
    }

    static String line(CassetteEntry entry) {
        ObjectNode node = WireFormat.NODES.objectNode();
        node.put("version", VERSION);
        node.put("task", entry.task());
        node.put("turn", entry.turn());
        node.put("model", entry.model());
        if (entry.effort() == null) {
            node.putNull("effort");
        } else {
            node.put("effort", entry.effort().wire());
        }
        Usage usage = entry.response().usage();
        ObjectNode wireUsage = node.putObject("usage");
        wireUsage.put("prompt_tokens", usage.prompt());
        wireUsage.put("completion_tokens", usage.completion());
        wireUsage.put("cached_tokens", usage.cachedPrompt());
        wireUsage.put("reasoning_tokens", usage.reasoning());
        usage.cost().ifPresent(cost -> wireUsage.put("cost", cost));
        node.set("response", WireFormat.message(entry.response().message()));
        node.set("messages", WireFormat.messages(entry.messages()));
        return WireFormat.write(node);
    }

    /** Reads one line; throws {@link IllegalArgumentException} saying what is wrong with it. */
    static CassetteEntry parse(String line) {
        JsonNode node;
        try {
            node = WireFormat.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        int version = node.path("version").asInt(-1);
        if (version != VERSION) {
            throw new IllegalArgumentException("cassette format version " + node.path("version")
                    + " is not supported (this Taskgraph reads version " + VERSION + ")");
        }
        String task = required(node, "task").asText();
        int turn = required(node, "turn").asInt(0);
        if (turn < 1) {
            throw new IllegalArgumentException("turn must be 1 or more, got " + node.get("turn"));
        }
        JsonNode effort = node.get("effort");
        JsonNode usage = node.path("usage");
        JsonNode response = required(node, "response");
        List<ChatMessage> messages = new ArrayList<>();
        JsonNode wireMessages = required(node, "messages");
        for (JsonNode message : wireMessages) {
            messages.add(WireFormat.readMessage(message));
        }
        return new CassetteEntry(task, turn, node.path("model").asText(""),
                effort == null || effort.isNull() ? null : ReasoningEffort.parse(effort.asText()),
                messages,
                new ChatResponse(WireFormat.readAssistant(response, "call_" + task + "_" + turn + "_"),
                        new Usage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0),
                                usage.path("cached_tokens").asLong(0), usage.path("reasoning_tokens").asLong(0),
                                WireFormat.cost(usage.get("cost")))));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("the field '" + field + "' is missing");
        }
        return value;
    }
}
