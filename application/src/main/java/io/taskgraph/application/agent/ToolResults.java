package io.taskgraph.application.agent;

import io.taskgraph.domain.json.Json;
import java.util.Map;

/** Builds and extends the JSON objects tools return to the model. */
public final class ToolResults {
    private ToolResults() {
    }

    public static String error(String message) {
        return Json.write(Map.of("success", false, "error", message));
    }

    /**
     * Adds {@code key: value} to a JSON object result. Splices text rather than re-parsing, because results
     * can be up to 30,000 characters and this runs on every statement; a non-object result gets the note
     * appended on its own line.
     */
    public static String withField(String result, String key, Object value) {
        String trimmed = result.stripTrailing();
        if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
            String body = trimmed.substring(0, trimmed.length() - 1).stripTrailing();
            String separator = body.equals("{") ? "" : ",";
            return body + separator + Json.quote(key) + ":" + Json.write(value) + "}";
        }
        return result + "\n" + key + ": " + Json.write(value);
    }
}
