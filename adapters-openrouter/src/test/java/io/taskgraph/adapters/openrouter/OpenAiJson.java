package io.taskgraph.adapters.openrouter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.llm.ToolArguments;
import io.taskgraph.domain.llm.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;

/**
 * Chat completion responses as an OpenAI-compatible server writes them, built by hand (not with the adapter's own
 * encoder, so an encoding bug cannot cancel out a matching decoding bug).
 */
final class OpenAiJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private OpenAiJson() {
    }

    static String completion(ChatResponse response) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        List<ToolCall> calls = response.message().toolCalls();
        message.put("content", calls.isEmpty() || !response.message().content().isEmpty()
                ? response.message().content() : null);
        if (!calls.isEmpty()) {
            List<Object> wire = new ArrayList<>();
            for (ToolCall call : calls) {
                wire.add(Map.of("id", call.id(), "type", "function",
                        "function", Map.of("name", call.name(), "arguments", argumentsText(call.arguments()))));
            }
            message.put("tool_calls", wire);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "gen-test");
        body.put("object", "chat.completion");
        body.put("choices", List.of(Map.of("index", 0, "finish_reason", calls.isEmpty() ? "stop" : "tool_calls",
                "message", message)));
        body.put("usage", Map.of(
                "prompt_tokens", response.usage().prompt(),
                "completion_tokens", response.usage().completion(),
                "total_tokens", response.usage().total(),
                "prompt_tokens_details", Map.of("cached_tokens", response.usage().cachedPrompt()),
                "completion_tokens_details", Map.of("reasoning_tokens", response.usage().reasoning())));
        return write(body);
    }

    static MockResponse ok(ChatResponse response) {
        return json(200, completion(response));
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse error(int code, String message) {
        return json(code, write(Map.of("error", Map.of("code", code, "message", message))));
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The arguments as a model's server sends them: a string holding the JSON object, or the malformed text. */
    static String argumentsText(ToolArguments arguments) {
        return arguments instanceof ToolArguments.Malformed malformed ? malformed.text()
                : write(((ToolArguments.Values) arguments).values());
    }
}
