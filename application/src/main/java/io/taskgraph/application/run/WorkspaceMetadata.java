package io.taskgraph.application.run;

import io.taskgraph.domain.definition.TaskDefinition;
import io.taskgraph.domain.fingerprint.Fingerprint;
import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.GitInfo;
import io.taskgraph.domain.spec.SpecOrigin;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys and values of {@code _workspace_meta} and {@code _task_meta}, as the original tool writes them (the
 * README promises the same {@code .db} layout): workspace values are plain text except the JSON keys (fingerprint,
 * prompts, input_row_counts, input_files); task values are JSON. Besides the original tool's keys, each task that
 * ran records its {@code definition} (see {@link TaskDefinition}) and the workspace records the files its inputs
 * were read from ({@code input_files}, see {@link InputFile}).
 */
public final class WorkspaceMetadata {
    public static final String FINGERPRINT = "fingerprint";
    public static final String PROMPTS = "prompts";
    public static final String MODEL = "model";
    public static final String TIMESTAMP = "timestamp";
    public static final String INPUT_ROW_COUNTS = "input_row_counts";
    /** {@code {input: {path, size, modified, sha256}}} for inputs read from a file, written at ingestion. */
    public static final String INPUT_FILES = "input_files";
    public static final String SOURCE_DB = "source_db";
    public static final String RERUN_MODE = "rerun_mode";
    public static final String SPEC_SOURCE = "spec_source";
    public static final String SPEC_MODULE = "spec_module";
    public static final String SPEC_GIT_COMMIT = "spec_git_commit";
    public static final String SPEC_GIT_ROOT = "spec_git_root";
    public static final String SPEC_GIT_DIRTY = "spec_git_dirty";
    /** The {@code _task_meta} key of a task's definition as it was when the task last ran. */
    public static final String DEFINITION = "definition";
    /** {@code true} while a run is in progress or when it was interrupted; {@code false} once it finished. */
    public static final String INTERRUPTED = "interrupted";

    private WorkspaceMetadata() {
    }

    /** What a run is, written before anything else happens so an interrupted run still says what it was. */
    public static Map<String, String> start(WorkspaceSpec spec, String model, Instant now) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(FINGERPRINT, Fingerprint.of(spec));
        Map<String, String> prompts = new LinkedHashMap<>();
        for (TaskSpec task : spec.tasks()) {
            prompts.put(task.name(), task.prompt());
        }
        meta.put(PROMPTS, Json.write(prompts));
        meta.put(MODEL, model);
        meta.put(TIMESTAMP, now.toString());
        SpecOrigin origin = spec.origin();
        GitInfo git = origin.git() == null ? GitInfo.unknown() : origin.git();
        meta.put(SPEC_SOURCE, origin.source() == null ? "" : origin.source());
        meta.put(SPEC_MODULE, origin.module());
        meta.put(SPEC_GIT_COMMIT, git.commit().orElse(GitInfo.UNKNOWN));
        meta.put(SPEC_GIT_ROOT, git.root().orElse(GitInfo.UNKNOWN));
        meta.put(SPEC_GIT_DIRTY, String.valueOf(git.dirty().orElse(false)));
        meta.put(INTERRUPTED, "true");
        return meta;
    }

    /** What ingestion found out about the inputs: their row counts and the files they were read from. */
    public static Map<String, String> inputs(Ingestion.Ingested ingested) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(INPUT_ROW_COUNTS, Json.write(ingested.rowCounts()));
        meta.put(INPUT_FILES, InputFile.toJson(ingested.files()));
        return meta;
    }

    /**
     * One task's {@code _task_meta}. A task whose agent or SQL did not run in this run ({@code acted} false: reused,
     * refused, blocked, not started, not selected) keeps the record of the run that built its views, and only gets
     * its new status (and, when it did not pass, why); a task that ran records its effort and its definition. A task
     * whose views came from SQL alone records no model.
     */
    public static Map<String, String> task(TaskSpec task, TaskOutcome outcome, boolean acted, String model,
                                           ReasoningEffort effort, Instant now) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("kind", Json.quote(task.kind().label()));
        meta.put("status", Json.quote(outcome.status().label()));
        if (outcome.status() != TaskStatus.NOT_SELECTED) {
            meta.put("validation", Json.quote(outcome.status().passed() ? "PASSED" : "FAILED"));
        }
        meta.put("outputs", Json.write(task.outputs()));
        meta.put("timestamp", Json.quote(now.toString()));
        if (!acted) {
            if (!outcome.status().passed() && outcome.status() != TaskStatus.NOT_SELECTED) {
                meta.put("reason", Json.quote(outcome.reason()));
                meta.put("failures", Json.write(outcome.failures()));
            }
            return meta;
        }
        boolean agentRan = outcome.iterations() > 0;
        meta.put("model", agentRan ? Json.quote(model) : "null");
        meta.put("reasoning_effort", agentRan ? Json.quote(effort.wire()) : "null");
        meta.put("iterations", Long.toString(outcome.iterations()));
        meta.put("tool_calls", Long.toString(outcome.toolCalls()));
        meta.put("elapsed_s", BigDecimal.valueOf(outcome.elapsed().toNanos(), 9).setScale(3, RoundingMode.HALF_UP)
                .toPlainString());
        meta.put("prompt_tokens", Long.toString(outcome.usage().prompt()));
        meta.put("completion_tokens", Long.toString(outcome.usage().completion()));
        meta.put("cache_read_tokens", Long.toString(outcome.usage().cachedPrompt()));
        meta.put("reasoning_tokens", Long.toString(outcome.usage().reasoning()));
        meta.put("final_message", Json.quote(outcome.finalMessage()));
        meta.put("reason", Json.quote(outcome.reason()));
        meta.put("failures", Json.write(outcome.failures()));
        meta.put(DEFINITION, TaskDefinition.of(task).toJson());
        return meta;
    }
}
