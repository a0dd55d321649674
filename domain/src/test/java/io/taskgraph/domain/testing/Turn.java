package io.taskgraph.domain.testing;

import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.json.JsonException;
import io.taskgraph.domain.llm.ChatMessage;
import io.taskgraph.domain.llm.ChatRequest;
import io.taskgraph.domain.llm.ChatResponse;
import io.taskgraph.domain.llm.ToolArguments;
import io.taskgraph.domain.llm.ToolCall;
import io.taskgraph.domain.llm.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One scripted model answer for {@link ScriptedLlmClient}: an assistant message calling {@code run_sql}, a final
 * text answer, a raw (possibly malformed) tool call, or a response computed from the request. A turn may carry
 * its own usage and a delay before it answers. Turns are immutable; {@code withUsage} and {@code delayed} copy.
 */
public final class Turn {
    /** The tool the task agent offers; scripted SQL turns call it. */
    public static final String RUN_SQL = "run_sql";

    private final Function<Context, ChatResponse> answer;
    private final Usage usage;
    private final Duration delay;

    private Turn(Function<Context, ChatResponse> answer, Usage usage, Duration delay) {
        this.answer = answer;
        this.usage = usage;
        this.delay = delay;
    }

    /** An assistant message with one {@code run_sql} call per query, arguments {@code {"query": "..."}}. */
    public static Turn sql(String... queries) {
        List<String> list = List.of(queries);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("Turn.sql needs at least one query; use Turn.answer for a text reply.");
        }
        return new Turn(context -> {
            List<ToolCall> calls = new ArrayList<>();
            for (String query : list) {
                calls.add(new ToolCall(context.nextCallId(), RUN_SQL, ToolArguments.of(Map.of("query", query))));
            }
            return new ChatResponse(new ChatMessage.Assistant("", calls), context.usage());
        }, null, Duration.ZERO);
    }

    /** A final assistant answer with text content and no tool calls. */
    public static Turn answer(String text) {
        Objects.requireNonNull(text, "text");
        return new Turn(context -> new ChatResponse(new ChatMessage.Assistant(text, List.of()), context.usage()),
                null, Duration.ZERO);
    }

    /**
     * One tool call with exactly this name and arguments text, read as a model client reads it off the wire: a JSON
     * object gives its values, anything else (malformed JSON, an array) is {@link ToolArguments.Malformed}.
     */
    public static Turn rawToolCall(String name, String argumentsText) {
        ToolArguments arguments = arguments(argumentsText);
        return new Turn(context -> new ChatResponse(new ChatMessage.Assistant("",
                List.of(new ToolCall(context.nextCallId(), name, arguments))), context.usage()),
                null, Duration.ZERO);
    }

    private static ToolArguments arguments(String text) {
        if (text.isBlank()) {
            return ToolArguments.NONE;
        }
        try {
            return Json.parse(text) instanceof Map<?, ?> object
                    ? ToolArguments.of(object.entrySet().stream().collect(LinkedHashMap<String, Object>::new,
                            (map, entry) -> map.put((String) entry.getKey(), entry.getValue()), Map::putAll))
                    : ToolArguments.malformed(text, "not a JSON object");
        } catch (JsonException e) {
            return ToolArguments.malformed(text, e.getMessage());
        }
    }

    /** A model call that fails with {@code error}, as a client reports it (e.g. a refused API key). */
    public static Turn failing(RuntimeException error) {
        Objects.requireNonNull(error, "error");
        return new Turn(context -> {
            throw error;
        }, null, Duration.ZERO);
    }

    /** A response computed from the request, e.g. a fixed view after the conversation says validation failed. */
    public static Turn reacting(Function<ChatRequest, ChatResponse> respond) {
        Objects.requireNonNull(respond, "respond");
        return new Turn(context -> respond.apply(context.request()), null, Duration.ZERO);
    }

    /**
     * Chooses the turn to play from the request, e.g. a fixed view when the last message starts with
     * "Validation failed:". The chosen turn's ids and usage apply as usual; its delay is not (delay this turn).
     */
    public static Turn choosing(Function<ChatRequest, Turn> choose) {
        Objects.requireNonNull(choose, "choose");
        return new Turn(context -> {
            Turn chosen = choose.apply(context.request());
            return chosen.respond(context.withUsage(chosen.usage));
        }, null, Duration.ZERO);
    }

    /** This turn, but reporting {@code usage} instead of the client's default usage. */
    public Turn withUsage(Usage usage) {
        return new Turn(answer, Objects.requireNonNull(usage, "usage"), delay);
    }

    /** This turn, but answering only after {@code delay} (sleeping outside any lock, to prove concurrency). */
    public Turn delayed(Duration delay) {
        return new Turn(answer, usage, Objects.requireNonNull(delay, "delay"));
    }

    Duration delay() {
        return delay;
    }

    ChatResponse respond(Context context) {
        return answer.apply(usage == null ? context : context.withUsage(usage));
    }

    /** What a turn may use to build its response: the request, the usage to report, and unique call ids. */
    record Context(ChatRequest request, Usage usage, Function<String, String> ids) {
        String nextCallId() {
            return ids.apply(request.task());
        }

        Context withUsage(Usage override) {
            return override == null ? this : new Context(request, override, ids);
        }
    }
}
