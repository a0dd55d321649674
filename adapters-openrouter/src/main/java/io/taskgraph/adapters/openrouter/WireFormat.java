package io.taskgraph.adapters.openrouter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskgraph.domain.llm.ChatMessage;
import io.taskgraph.domain.llm.ToolArguments;
import io.taskgraph.domain.llm.ToolCall;
import io.taskgraph.domain.llm.Usage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenAI chat format for messages, tool calls and usage, both ways. The HTTP payload and the cassette share
 * it, so a cassette reads like the conversation that went over the wire.
 */
final class WireFormat {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final TypeReference<Map<String, Object>> ARGUMENT_VALUES = new TypeReference<>() { };

    private WireFormat() {
    }

    static ArrayNode messages(List<ChatMessage> messages) {
        ArrayNode array = NODES.arrayNode();
        messages.forEach(message -> array.add(message(message)));
        return array;
    }

    static ObjectNode message(ChatMessage message) {
        ObjectNode node = NODES.objectNode();
        node.put("role", message.role());
        if (message instanceof ChatMessage.Assistant assistant && !assistant.toolCalls().isEmpty()) {
            // Several providers reject an empty text block next to tool calls; null is what OpenAI sends.
            if (assistant.content().isEmpty()) {
                node.putNull("content");
            } else {
                node.put("content", assistant.content());
            }
            ArrayNode calls = node.putArray("tool_calls");
            for (ToolCall call : assistant.toolCalls()) {
                ObjectNode wire = calls.addObject();
                wire.put("id", call.id());
                wire.put("type", "function");
                ObjectNode function = wire.putObject("function");
                function.put("name", call.name());
                function.put("arguments", argumentsText(call.arguments()));
            }
        } else {
            node.put("content", message.content());
        }
        if (message instanceof ChatMessage.Tool tool) {
            node.put("tool_call_id", tool.toolCallId());
        }
        return node;
    }

    /** Reads a message written by {@link #message}; throws {@link IllegalArgumentException} on an unknown role. */
    static ChatMessage readMessage(JsonNode node) {
        String role = node.path("role").asText("");
        return switch (role) {
            case "system" -> new ChatMessage.System(text(node.get("content")));
            case "user" -> new ChatMessage.User(text(node.get("content")));
            case "tool" -> new ChatMessage.Tool(node.path("tool_call_id").asText(""), text(node.get("content")));
            case "assistant" -> readAssistant(node, "call_");
            default -> throw new IllegalArgumentException("unknown message role '" + role + "'");
        };
    }

    /**
     * Reads an assistant message. Tool call arguments are read into values ({@link #arguments}); a call without an
     * id gets {@code idPrefix + index}.
     */
    static ChatMessage.Assistant readAssistant(JsonNode node, String idPrefix) {
        List<ToolCall> calls = new ArrayList<>();
        JsonNode wireCalls = node.get("tool_calls");
        if (wireCalls != null && wireCalls.isArray()) {
            for (int i = 0; i < wireCalls.size(); i++) {
                JsonNode call = wireCalls.get(i);
                JsonNode function = call.path("function");
                String id = call.hasNonNull("id") && !call.get("id").asText().isEmpty()
                        ? call.get("id").asText() : idPrefix + (i + 1);
                calls.add(new ToolCall(id, function.path("name").asText(""), arguments(function.get("arguments"))));
            }
        }
        return new ChatMessage.Assistant(text(node.get("content")), calls);
    }

    /**
     * A call's arguments: the wire sends them as a string holding a JSON object (some servers send the object
     * itself). Text that is not a JSON object is kept as sent, with what is wrong with it in words for the model.
     */
    static ToolArguments arguments(JsonNode arguments) {
        if (arguments == null || arguments.isNull()) {
            return ToolArguments.NONE;
        }
        if (!arguments.isTextual()) {
            return values(arguments, arguments.toString());
        }
        String text = arguments.asText();
        if (text.isBlank()) {
            return ToolArguments.NONE;
        }
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode value = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                return ToolArguments.malformed(text, "more text follows the JSON value at character "
                        + (parser.currentTokenLocation().getCharOffset() + 1));
            }
            return values(value, text);
        } catch (JsonProcessingException e) {
            return ToolArguments.malformed(text, problem(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ToolArguments values(JsonNode node, String text) {
        if (node == null || !node.isObject()) {
            String kind = node == null ? "nothing" : "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT);
            return ToolArguments.malformed(text, "it is " + kind + ", not an object");
        }
        return ToolArguments.of(MAPPER.convertValue(node, ARGUMENT_VALUES));
    }

    /** Jackson's complaint without its source excerpt, and where in the text it is. */
    private static String problem(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int detail = message.indexOf(" (start marker");
        String what = (detail < 0 ? message : message.substring(0, detail)).lines().findFirst().orElse("").strip();
        return e.getLocation() == null || e.getLocation().getCharOffset() < 0 ? what
                : what + " at character " + (e.getLocation().getCharOffset() + 1);
    }

    /** The text a call's arguments go back to the server as: the text the model sent, or its values as JSON. */
    static String argumentsText(ToolArguments arguments) {
        if (arguments instanceof ToolArguments.Malformed malformed) {
            return malformed.text();
        }
        try {
            return MAPPER.writeValueAsString(((ToolArguments.Values) arguments).values());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tool call arguments could not be written", e);
        }
    }

    /** Content as text: a string, null (empty), or an array of content parts whose text parts are joined. */
    static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isArray()) {
            StringBuilder out = new StringBuilder();
            for (JsonNode part : content) {
                if (part.isTextual()) {
                    out.append(part.asText());
                } else if (part.has("text")) {
                    out.append(part.get("text").asText());
                }
            }
            return out.toString();
        }
        return content.asText();
    }

    /**
     * OpenAI usage, where cached and reasoning tokens hide in the details objects; missing fields count 0. The cost is
     * OpenRouter's {@code usage.cost} (US dollars), kept only when the server sent it as a number.
     */
    static Usage readUsage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return Usage.NONE;
        }
        Usage tokens = new Usage(
                usage.path("prompt_tokens").asLong(0),
                usage.path("completion_tokens").asLong(0),
                usage.path("prompt_tokens_details").path("cached_tokens").asLong(0),
                usage.path("completion_tokens_details").path("reasoning_tokens").asLong(0));
        return cost(usage.get("cost")).map(tokens::withCost).orElse(tokens);
    }

    /** A reported cost when it is a JSON number, as its shortest decimal form, so that sums stay exact. */
    static Optional<BigDecimal> cost(JsonNode cost) {
        return cost != null && cost.isNumber() ? Optional.of(new BigDecimal(cost.asText())) : Optional.empty();
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
