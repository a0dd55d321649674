package io.taskgraph.adapters.openrouter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskgraph.domain.LlmException;
import io.taskgraph.domain.llm.ChatMessage;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ToolDefinition;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The body of {@code POST /chat/completions} for one {@link ChatRequest}: model, messages, tools with
 * {@code tool_choice: auto}, and {@code reasoning: {effort}}. Anthropic models get a prompt-cache breakpoint on the
 * last message with content, so each turn re-reads the growing conversation from cache.
 */
final class ChatPayload {
    /**
     * Each message's wire JSON, written once: a conversation is resent whole on every turn and grows by every tool
     * result, so serialising it afresh made each turn cost as much as all the turns before it. Keyed by the
     * message's value (the JSON depends on nothing else), weakly, so a finished conversation's entries go.
     */
    private static final Map<ChatMessage, String> WIRE_MESSAGES = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<List<ToolDefinition>, String> WIRE_TOOLS = new ConcurrentHashMap<>();

    private ChatPayload() {
    }

    static String json(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        int cached = isAnthropic(request.model()) ? lastWithContent(messages) : -1;
        StringWriter body = new StringWriter(64 + messages.size() * 256);
        try (JsonGenerator json = WireFormat.MAPPER.getFactory().createGenerator(body)) {
            json.writeStartObject();
            json.writeStringField("model", request.model());
            json.writeArrayFieldStart("messages");
            for (int i = 0; i < messages.size(); i++) {
                json.writeRawValue(i == cached ? markedForCaching(messages.get(i)) : wire(messages.get(i)));
            }
            json.writeEndArray();
            if (!request.tools().isEmpty()) {
                json.writeFieldName("tools");
                json.writeRawValue(WIRE_TOOLS.computeIfAbsent(List.copyOf(request.tools()), ChatPayload::tools));
                json.writeStringField("tool_choice", "auto");
            }
            if (request.effort() != null) {
                json.writeObjectFieldStart("reasoning");
                json.writeStringField("effort", request.effort().wire());
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("the request body could not be written", e);
        }
        return body.toString();
    }

    private static String wire(ChatMessage message) {
        String json = WIRE_MESSAGES.get(message);
        if (json == null) {
            json = WireFormat.write(WireFormat.message(message));
            WIRE_MESSAGES.put(message, json);
        }
        return json;
    }

    private static String tools(List<ToolDefinition> definitions) {
        ArrayNode tools = WireFormat.NODES.arrayNode();
        for (ToolDefinition tool : definitions) {
            ObjectNode function = tools.addObject().put("type", "function").putObject("function");
            function.put("name", tool.name());
            function.put("description", tool.description());
            function.set("parameters", schema(tool));
        }
        return WireFormat.write(tools);
    }

    static boolean isAnthropic(String model) {
        return model != null && model.toLowerCase(Locale.ROOT).contains("anthropic");
    }

    /** The index of the last message with text content, which carries Anthropic's cache breakpoint; -1 if none. */
    private static int lastWithContent(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (!messages.get(i).content().isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The message with its string content turned into a text block carrying {@code cache_control: {type:
     * ephemeral}}; written for this request only (the breakpoint moves every turn), never into the cache.
     */
    private static String markedForCaching(ChatMessage message) {
        ObjectNode node = WireFormat.message(message);
        JsonNode content = node.get("content");
        if (content != null && content.isTextual() && !content.asText().isEmpty()) {
            ArrayNode blocks = WireFormat.NODES.arrayNode();
            ObjectNode block = blocks.addObject();
            block.put("type", "text");
            block.put("text", content.asText());
            block.putObject("cache_control").put("type", "ephemeral");
            node.set("content", blocks);
        }
        return WireFormat.write(node);
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
