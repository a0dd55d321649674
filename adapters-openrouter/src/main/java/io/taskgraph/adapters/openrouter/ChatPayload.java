package io.taskgraph.adapters.openrouter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskgraph.domain.LlmException;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ToolDefinition;
import java.util.Locale;

/**
 * The body of {@code POST /chat/completions} for one {@link ChatRequest}: model, messages, tools with
 * {@code tool_choice: auto}, and {@code reasoning: {effort}}. Anthropic models get a prompt-cache breakpoint on the
 * last message with content, so each turn re-reads the growing conversation from cache.
 */
final class ChatPayload {
    private ChatPayload() {
    }

    static String json(ChatRequest request) {
        ObjectNode body = WireFormat.NODES.objectNode();
        body.put("model", request.model());
        ArrayNode messages = WireFormat.messages(request.messages());
        if (isAnthropic(request.model())) {
            markLastContentForCaching(messages);
        }
        body.set("messages", messages);
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolDefinition tool : request.tools()) {
                ObjectNode function = tools.addObject().put("type", "function").putObject("function");
                function.put("name", tool.name());
                function.put("description", tool.description());
                function.set("parameters", schema(tool));
            }
            body.put("tool_choice", "auto");
        }
        if (request.effort() != null) {
            body.putObject("reasoning").put("effort", request.effort().wire());
        }
        return WireFormat.write(body);
    }

    static boolean isAnthropic(String model) {
        return model != null && model.toLowerCase(Locale.ROOT).contains("anthropic");
    }

    /**
     * Turns the string content of the last message that has any into a text block carrying
     * {@code cache_control: {type: ephemeral}}. Works on the freshly built wire tree, never on the caller's messages.
     */
    private static void markLastContentForCaching(ArrayNode messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            ObjectNode message = (ObjectNode) messages.get(i);
            JsonNode content = message.get("content");
            if (content != null && content.isTextual() && !content.asText().isEmpty()) {
                ArrayNode blocks = WireFormat.NODES.arrayNode();
                ObjectNode block = blocks.addObject();
                block.put("type", "text");
                block.put("text", content.asText());
                block.putObject("cache_control").put("type", "ephemeral");
                message.set("content", blocks);
                return;
            }
        }
    }

    private static JsonNode schema(ToolDefinition tool) {
        try {
            return WireFormat.MAPPER.readTree(tool.parametersSchema());
        } catch (JsonProcessingException e) {
            throw new LlmException("The parameters schema of tool '" + tool.name() + "' is not valid JSON: "
                    + e.getOriginalMessage() + ". This is a bug in the tool definition, not in your spec.", false, e);
        }
    }
}
