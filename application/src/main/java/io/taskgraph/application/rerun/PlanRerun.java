package io.taskgraph.application.rerun;

import io.taskgraph.application.run.Ingestion;
import io.taskgraph.application.run.RunControl;
import io.taskgraph.application.run.ScratchDirectory;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.WorkbookReader;
import io.taskgraph.domain.port.Workspace;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code rerun --dry-run} use case: what a rerun would do, and why, without doing it. It makes the same checks
 * as the rerun (and refuses the same things with the same errors), and validates each task's views against the data
 * the rerun would use: the source opened read-only, or, to re-ingest, a copy in a temporary directory deleted
 * afterwards. No file is written next to the source or the output, and no model is called.
 */
public final class PlanRerun {
    private final SpecLoader specs;
    private final WorkbookReader workbooks;
    private final SqlEngine engine;

    public PlanRerun(SpecLoader specs, WorkbookReader workbooks, SqlEngine engine) {
        this.specs = specs;
        this.workbooks = workbooks;
        this.engine = engine;
    }

    public RerunPlan plan(RerunRequest request) {
        try (PreparedRerun prepared = PreparedRerun.prepare(request, specs, engine, new RunControl())) {
            List<String> warnings = new ArrayList<>(prepared.session().warnings());
            List<PlannedTask> tasks = request.reingest() ? withFreshData(prepared, request, warnings)
                    : withRecordedData(prepared, request);
            return new RerunPlan(request.source(), prepared.module(), request.specModule().isEmpty(),
                    prepared.specComparison(), request.reingest(), prepared.changedFiles(), request.mode(),
                    request.selection(), prepared.model(), tasks, warnings);
        }
    }

    private List<PlannedTask> withRecordedData(PreparedRerun prepared, RerunRequest request) {
        try (Workspace source = engine.openReadOnly(request.source())) {
            Ingestion.validateInputs(prepared.spec(), source);
            return RerunPlanner.plan(prepared, request.mode(), source);
        }
    }

    private List<PlannedTask> withFreshData(PreparedRerun prepared, RerunRequest request, List<String> warnings) {
        try (ScratchDirectory scratch = ScratchDirectory.create("taskgraph-plan-", "the plan's copy of the workspace");
             Workspace copy = engine.copy(request.source(), scratch.path().resolve("plan.db"), false)) {
            RunListener collect = event -> {
                if (event instanceof RunEvent.Warning warning) {
                    warnings.add(warning.message());
                }
            };
            Ingestion.ingestAll(prepared.session(), workbooks, copy, collect, () -> false);
            Ingestion.validateInputs(prepared.spec(), copy);
            copy.restrictExternalAccess();
            return RerunPlanner.plan(prepared, request.mode(), copy);
        }
    }
}
