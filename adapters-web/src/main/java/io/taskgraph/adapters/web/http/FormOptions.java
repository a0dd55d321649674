package io.taskgraph.adapters.web.http;

import io.taskgraph.adapters.web.run.JsonObjects;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.run.RunDefaults;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the page's form offers and the server's settings it tells the user about, served as {@code GET /api/options}
 * so the page writes no default of its own: the default model and effort (the product's {@link RunDefaults} unless
 * the server was started with another model, as the demo is), the upload limits, how many finished runs are kept,
 * and whether the model's answers are replayed from a recording.
 *
 * @param replay the notice the page shows as a banner when the server replays recorded answers
 */
public record FormOptions(String defaultModel, UploadLimits limits, int keepRuns, Optional<String> replay) {
    /** Models the form suggests besides the default; any other OpenRouter model id can be typed. */
    static final List<String> SUGGESTED_MODELS = List.of("anthropic/claude-sonnet-4", "google/gemini-2.5-pro");
    /**
     * The most model calls per task a web run may ask for: ten times the default, enough for any honest run, and a
     * bound on what one form post can spend on a server without login.
     */
    static final int MAX_ITERATIONS_LIMIT = 10 * RunDefaults.MAX_ITERATIONS;

    public FormOptions {
        Objects.requireNonNull(defaultModel, "defaultModel");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(replay, "replay");
    }

    ReasoningEffort defaultEffort() {
        return RunDefaults.REASONING_EFFORT;
    }

    Map<String, Object> json() {
        LinkedHashSet<String> models = new LinkedHashSet<>();
        models.add(defaultModel);
        models.add(RunDefaults.MODEL);
        models.addAll(SUGGESTED_MODELS);
        return JsonObjects.of(
                "default_model", defaultModel,
                "model_suggestions", List.copyOf(models),
                "reasoning_efforts", Arrays.stream(ReasoningEffort.values()).map(ReasoningEffort::wire).toList(),
                "default_reasoning_effort", defaultEffort().wire(),
                "default_max_iterations", RunDefaults.MAX_ITERATIONS,
                "max_iterations_limit", MAX_ITERATIONS_LIMIT,
                "max_file_bytes", limits.maxFileBytes(),
                "max_files", limits.maxFiles(),
                "keep_runs", keepRuns,
                "replay", replay.map(notice -> JsonObjects.of("notice", notice)).orElse(null));
    }
}
