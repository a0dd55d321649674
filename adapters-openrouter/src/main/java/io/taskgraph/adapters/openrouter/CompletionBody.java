package io.taskgraph.adapters.openrouter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.taskgraph.domain.llm.ChatResponse;

/**
 * Reads the body of a chat completion response: {@code choices[0].message} and {@code usage} on success, or why it is
 * not an answer — not JSON, an {@code error} object inside a 200 (OpenRouter reports provider failures that way),
 * or no choices at all.
 */
final class CompletionBody {
    private static final int SNIPPET = 300;

    private CompletionBody() {
    }

    /** The outcome of one 200 response. */
    sealed interface Outcome {
    }

    record Answer(ChatResponse response) implements Outcome {
    }

    record Failed(CallFailure failure) implements Outcome {
    }

    /** Reads a 200 body; tool calls without an id are numbered {@code idPrefix1, idPrefix2, ...}. */
    static Outcome read(String body, String idPrefix) {
        JsonNode root;
        try {
            root = WireFormat.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return new Failed(CallFailure.transientFailure("the response is not valid JSON: " + snippet(body)));
        }
        if (root == null || !root.isObject()) {
            return new Failed(CallFailure.transientFailure("the response is not a JSON object: " + snippet(body)));
        }
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            int code = errorCode(error);
            String reason = "the server reported an error" + (code > 0 ? " (code " + code + ")" : "") + ": "
                    + errorMessage(error);
            return new Failed(CallFailure.of(reason, code, null));
        }
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            return new Failed(CallFailure.transientFailure("the response has no choices: " + snippet(body)));
        }
        JsonNode message = choices.get(0).get("message");
        if (message == null || !message.isObject()) {
            return new Failed(CallFailure.transientFailure("the first choice has no message: " + snippet(body)));
        }
        return new Answer(new ChatResponse(WireFormat.readAssistant(message, idPrefix),
                WireFormat.readUsage(root.get("usage"))));
    }

    /**
     * The server's own explanation in an error response body: {@code error.message} (plus OpenRouter's
     * {@code metadata.raw} from the provider when present), else the body text, else {@code fallback}.
     */
    static String serverMessage(String body, String fallback) {
        if (body == null || body.isBlank()) {
            return fallback;
        }
        try {
            JsonNode root = WireFormat.MAPPER.readTree(body);
            JsonNode error = root == null ? null : root.get("error");
            if (error != null && !error.isNull()) {
                return errorMessage(error);
            }
            if (root != null && root.hasNonNull("message")) {
                return root.get("message").asText();
            }
        } catch (JsonProcessingException notJson) {
            // a plain-text or HTML error page: show its start
        }
        return snippet(body);
    }

    private static String errorMessage(JsonNode error) {
        if (error.isTextual()) {
            return error.asText();
        }
        String message = error.path("message").asText("").strip();
        String raw = error.path("metadata").path("raw").asText("").strip();
        if (message.isEmpty()) {
            message = snippet(error.toString());
        }
        return raw.isEmpty() || message.contains(raw) ? message : message + " (" + snippet(raw) + ")";
    }

    private static int errorCode(JsonNode error) {
        JsonNode code = error.get("code");
        if (code == null) {
            return 0;
        }
        if (code.canConvertToInt()) {
            return code.asInt();
        }
        try {
            return Integer.parseInt(code.asText().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String snippet(String text) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "…";
    }
}
