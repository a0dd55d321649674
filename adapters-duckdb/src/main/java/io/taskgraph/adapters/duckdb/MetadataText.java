package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.definition.TaskDefinition;
import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.json.JsonException;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.meta.InputFile;
import io.taskgraph.domain.meta.TaskMeta;
import io.taskgraph.domain.meta.WorkspaceMeta;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The text of {@code _task_meta} and {@code _workspace_meta} values, as the original tool writes them: task values
 * are JSON; workspace values are plain text except {@code fingerprint}, {@code prompts}, {@code input_row_counts} and
 * {@code input_files}. The text is the file format older workspaces are read in, so it must not change; reading is
 * tolerant: a value that is missing or cannot be read becomes an empty part.
 */
final class MetadataText {
    static final String COST = "cost";

    private MetadataText() {
    }

    /** {@code key -> text} for the parts {@code meta} holds, in the order the original tool writes them. */
    static Map<String, String> taskEntries(TaskMeta meta) {
        Map<String, String> text = new LinkedHashMap<>();
        meta.kind().ifPresent(v -> text.put("kind", Json.quote(v)));
        meta.status().ifPresent(v -> text.put("status", Json.quote(v)));
        meta.validation().ifPresent(v -> text.put("validation", Json.quote(v)));
        meta.outputs().ifPresent(v -> text.put("outputs", Json.write(v)));
        meta.timestamp().ifPresent(v -> text.put("timestamp", Json.quote(v)));
        meta.modelUsed().ifPresent(used -> {
            text.put("model", used.model().map(Json::quote).orElse("null"));
            text.put("reasoning_effort", used.reasoningEffort().map(Json::quote).orElse("null"));
        });
        meta.iterations().ifPresent(v -> text.put("iterations", Long.toString(v)));
        meta.toolCalls().ifPresent(v -> text.put("tool_calls", Long.toString(v)));
        meta.elapsed().ifPresent(v -> text.put("elapsed_s",
                BigDecimal.valueOf(v.toNanos(), 9).setScale(3, RoundingMode.HALF_UP).toPlainString()));
        meta.usage().ifPresent(usage -> {
            text.put("prompt_tokens", Long.toString(usage.prompt()));
            text.put("completion_tokens", Long.toString(usage.completion()));
            text.put("cache_read_tokens", Long.toString(usage.cachedPrompt()));
            text.put("reasoning_tokens", Long.toString(usage.reasoning()));
            usage.cost().ifPresent(cost -> text.put(COST, cost.stripTrailingZeros().toPlainString()));
        });
        meta.finalMessage().ifPresent(v -> text.put("final_message", Json.quote(v)));
        meta.reason().ifPresent(v -> text.put("reason", Json.quote(v)));
        meta.failures().ifPresent(v -> text.put("failures", Json.write(v)));
        meta.definition().ifPresent(v -> text.put("definition", v.toJson()));
        return text;
    }

    /** The keys a write of {@code meta} removes: a reported usage without a cost clears an older cost. */
    static List<String> taskKeysCleared(TaskMeta meta) {
        return meta.usage().filter(usage -> usage.cost().isEmpty()).map(usage -> List.of(COST)).orElse(List.of());
    }

    static TaskMeta task(Map<String, String> text) {
        TaskMeta.Builder meta = TaskMeta.builder();
        word(text.get("kind")).ifPresent(meta::kind);
        string(text.get("status")).ifPresent(meta::status);
        word(text.get("validation")).ifPresent(meta::validation);
        strings(text.get("outputs")).ifPresent(meta::outputs);
        word(text.get("timestamp")).ifPresent(meta::timestamp);
        if (text.containsKey("model") || text.containsKey("reasoning_effort")) {
            meta.modelUsed(new TaskMeta.ModelUsed(word(text.get("model")), word(text.get("reasoning_effort"))));
        }
        integer(text.get("iterations")).ifPresent(meta::iterations);
        integer(text.get("tool_calls")).ifPresent(meta::toolCalls);
        decimal(text.get("elapsed_s")).ifPresent(s -> meta.elapsed(Duration.ofNanos(s.movePointRight(9).longValue())));
        usage(text).ifPresent(meta::usage);
        string(text.get("final_message")).ifPresent(meta::finalMessage);
        string(text.get("reason")).ifPresent(meta::reason);
        strings(text.get("failures")).ifPresent(meta::failures);
        definition(text.get("definition")).ifPresent(meta::definition);
        return meta.build();
    }

    /** {@code key -> text} for the parts {@code meta} holds. */
    static Map<String, String> workspaceEntries(WorkspaceMeta meta) {
        Map<String, String> text = new LinkedHashMap<>();
        meta.fingerprint().ifPresent(v -> text.put("fingerprint", v));
        meta.prompts().ifPresent(v -> text.put("prompts", Json.write(v)));
        meta.model().ifPresent(v -> text.put("model", v));
        meta.timestamp().ifPresent(v -> text.put("timestamp", v));
        meta.specSource().ifPresent(v -> text.put("spec_source", v));
        meta.specModule().ifPresent(v -> text.put("spec_module", v));
        meta.specGitCommit().ifPresent(v -> text.put("spec_git_commit", v));
        meta.specGitRoot().ifPresent(v -> text.put("spec_git_root", v));
        meta.specGitDirty().ifPresent(v -> text.put("spec_git_dirty", String.valueOf(v)));
        meta.interrupted().ifPresent(v -> text.put("interrupted", String.valueOf(v)));
        meta.sourceDb().ifPresent(v -> text.put("source_db", v));
        meta.rerunMode().ifPresent(v -> text.put("rerun_mode", v));
        meta.inputRowCounts().ifPresent(v -> text.put("input_row_counts", Json.write(v)));
        meta.inputFiles().ifPresent(v -> text.put("input_files", inputFiles(v)));
        return text;
    }

    static WorkspaceMeta workspace(Map<String, String> text) {
        WorkspaceMeta.Builder meta = WorkspaceMeta.builder();
        Optional.ofNullable(text.get("fingerprint")).ifPresent(meta::fingerprint);
        object(text.get("prompts"), value -> value instanceof String s ? s : null).ifPresent(meta::prompts);
        Optional.ofNullable(text.get("model")).ifPresent(meta::model);
        Optional.ofNullable(text.get("timestamp")).ifPresent(meta::timestamp);
        Optional.ofNullable(text.get("spec_source")).ifPresent(meta::specSource);
        Optional.ofNullable(text.get("spec_module")).ifPresent(meta::specModule);
        Optional.ofNullable(text.get("spec_git_commit")).ifPresent(meta::specGitCommit);
        Optional.ofNullable(text.get("spec_git_root")).ifPresent(meta::specGitRoot);
        Optional.ofNullable(text.get("spec_git_dirty")).map(String::strip)
                .filter(v -> v.equals("true") || v.equals("false")).map(Boolean::parseBoolean)
                .ifPresent(meta::specGitDirty);
        // Anything but "false" means the run did not say it finished.
        Optional.ofNullable(text.get("interrupted")).map(v -> !v.strip().equals("false")).ifPresent(meta::interrupted);
        Optional.ofNullable(text.get("source_db")).ifPresent(meta::sourceDb);
        Optional.ofNullable(text.get("rerun_mode")).ifPresent(meta::rerunMode);
        object(text.get("input_row_counts"), value -> value instanceof Number n ? n.longValue() : null)
                .ifPresent(meta::inputRowCounts);
        Optional.ofNullable(text.get("input_files")).map(MetadataText::inputFiles).ifPresent(meta::inputFiles);
        return meta.build();
    }

    /** {@code {input: {"path": ..., "size": ..., "modified": ..., "sha256": ...}}}. */
    private static String inputFiles(List<InputFile> files) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (InputFile file : files) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", file.path().toString());
            entry.put("size", file.size());
            entry.put("modified", file.modified().toString());
            entry.put("sha256", file.sha256());
            json.put(file.input(), entry);
        }
        return Json.write(json);
    }

    /** The files recorded in {@code json}; none when it cannot be read (such a record proves nothing). */
    private static List<InputFile> inputFiles(String json) {
        List<InputFile> files = new ArrayList<>();
        try {
            Json.parseObject(json).forEach((input, value) -> {
                if (value instanceof Map<?, ?> entry && entry.get("path") instanceof String path
                        && entry.get("size") instanceof Number size && entry.get("modified") instanceof String modified
                        && entry.get("sha256") instanceof String hash) {
                    files.add(new InputFile(input, Path.of(path), size.longValue(), Instant.parse(modified), hash));
                }
            });
        } catch (JsonException | DateTimeParseException | java.nio.file.InvalidPathException e) {
            return List.of();
        }
        return files;
    }

    /** A JSON object's entries whose values {@code convert} accepts (returns non-null for), in the file's order. */
    private static <V> Optional<Map<String, V>> object(String json, Function<Object, V> convert) {
        return Json.tryParse(json).filter(Map.class::isInstance).map(map -> {
            Map<String, V> entries = new LinkedHashMap<>();
            ((Map<?, ?>) map).forEach((key, value) -> {
                V converted = convert.apply(value);
                if (converted != null) {
                    entries.put(String.valueOf(key), converted);
                }
            });
            return entries;
        });
    }

    private static Optional<Usage> usage(Map<String, String> text) {
        List<String> keys = List.of("prompt_tokens", "completion_tokens", "cache_read_tokens", "reasoning_tokens");
        Optional<BigDecimal> cost = decimal(text.get(COST));
        if (keys.stream().noneMatch(text::containsKey) && cost.isEmpty()) {
            return Optional.empty();
        }
        Usage tokens = new Usage(count(text.get(keys.get(0))), count(text.get(keys.get(1))),
                count(text.get(keys.get(2))), count(text.get(keys.get(3))));
        return Optional.of(cost.map(tokens::withCost).orElse(tokens));
    }

    private static long count(String json) {
        return integer(json).orElse(0L);
    }

    /** A JSON string's text; another JSON value as its JSON text; nothing for null or unreadable values. */
    private static Optional<String> string(String json) {
        return Json.tryParse(json).map(value -> value instanceof String s ? s : Json.write(value));
    }

    /** As {@link #string}, and nothing for a blank name (a model, a kind, a result) either. */
    private static Optional<String> word(String json) {
        return string(json).filter(s -> !s.isBlank());
    }

    private static Optional<Long> integer(String json) {
        return Json.tryParse(json).filter(Number.class::isInstance).map(n -> ((Number) n).longValue());
    }

    /** A JSON number read exactly (costs and seconds must not pick up binary fractions). */
    private static Optional<BigDecimal> decimal(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(json.strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static Optional<List<String>> strings(String json) {
        return Json.tryParse(json).filter(List.class::isInstance)
                .map(list -> ((List<?>) list).stream().map(String::valueOf).toList());
    }

    private static Optional<TaskDefinition> definition(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(TaskDefinition.parse(json));
        } catch (JsonException e) {
            return Optional.empty(); // a record this version cannot read proves no change
        }
    }
}
