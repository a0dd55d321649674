package io.taskgraph.application.run;

import io.taskgraph.domain.definition.TaskDefinition;
import io.taskgraph.domain.fingerprint.Fingerprint;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.meta.TaskMeta;
import io.taskgraph.domain.meta.WorkspaceMeta;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.GitInfo;
import io.taskgraph.domain.spec.SpecOrigin;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a run records in its workspace ({@code _workspace_meta} and {@code _task_meta}): the original tool's facts,
 * plus each task's {@code definition} as it last ran (see {@link TaskDefinition}) and the files the inputs were read
 * from. The workspace adapter writes them in the original tool's {@code .db} format.
 */
public final class WorkspaceMetadata {
    private WorkspaceMetadata() {
    }

    /** What a run is, written before anything else happens so an interrupted run still says what it was. */
    public static WorkspaceMeta start(WorkspaceSpec spec, String model, Instant now) {
        Map<String, String> prompts = new LinkedHashMap<>();
        for (TaskSpec task : spec.tasks()) {
            prompts.put(task.name(), task.prompt());
        }
        SpecOrigin origin = spec.origin();
        GitInfo git = origin.git() == null ? GitInfo.unknown() : origin.git();
        return WorkspaceMeta.builder()
                .fingerprint(Fingerprint.of(spec))
                .prompts(prompts)
                .model(model)
                .timestamp(now.toString())
                .specSource(origin.source() == null ? "" : origin.source())
                .specModule(origin.module())
                .specGitCommit(git.commit().orElse(GitInfo.UNKNOWN))
                .specGitRoot(git.root().orElse(GitInfo.UNKNOWN))
                .specGitDirty(git.dirty().orElse(false))
                .interrupted(true)
                .build();
    }

    /** What ingestion found out about the inputs: their row counts and the files they were read from. */
    public static WorkspaceMeta inputs(Ingestion.Ingested ingested) {
        return WorkspaceMeta.builder().inputRowCounts(ingested.rowCounts()).inputFiles(ingested.files()).build();
    }

    /**
     * One task's {@code _task_meta}. A task whose agent or SQL did not run in this run ({@code acted} false: reused,
     * refused, blocked, not started, not selected) keeps the record of the run that built its views, and only gets
     * its new status (and, when it did not pass, why); a task that ran records its effort, its usage (replacing a
     * cost recorded before, see {@link TaskMeta#usage}) and its definition. A task whose views came from SQL alone
     * records no model.
     */
    public static TaskMeta task(TaskSpec task, TaskOutcome outcome, boolean acted, String model,
                                ReasoningEffort effort, Instant now) {
        TaskMeta.Builder meta = TaskMeta.builder()
                .kind(task.kind().label())
                .status(outcome.status().label())
                .outputs(task.outputs())
                .timestamp(now.toString());
        if (outcome.status() != TaskStatus.NOT_SELECTED) {
            meta.validation(outcome.status().passed() ? "PASSED" : "FAILED");
        }
        if (!acted) {
            if (!outcome.status().passed() && outcome.status() != TaskStatus.NOT_SELECTED) {
                meta.reason(outcome.reason()).failures(outcome.failures());
            }
            return meta.build();
        }
        boolean agentRan = outcome.iterations() > 0;
        return meta
                .modelUsed(agentRan ? new TaskMeta.ModelUsed(Optional.of(model), Optional.of(effort.wire()))
                        : TaskMeta.ModelUsed.NONE)
                .iterations(outcome.iterations())
                .toolCalls(outcome.toolCalls())
                .elapsed(outcome.elapsed())
                .usage(outcome.usage())
                .finalMessage(outcome.finalMessage())
                .reason(outcome.reason())
                .failures(outcome.failures())
                .definition(TaskDefinition.of(task))
                .build();
    }
}
