package io.taskgraph.adapters.web;

import io.taskgraph.application.report.RunReport;
import io.taskgraph.application.run.RunWorkspaces;
import io.taskgraph.application.show.ShowSpec;
import io.taskgraph.domain.port.SqlEngine;
import java.util.Objects;

/**
 * What the web app runs, handed to it by the composition root (the CLI's {@code serve}), built from the same adapter
 * wiring as the terminal commands: the web module itself constructs no adapter.
 *
 * @param runs       the run use case, one fresh instance per web run
 * @param workspaces opens finished runs' workspace files read-only, for the page's previews of their views
 * @param specs      loads a spec to describe it (no data, no database, no model): the tasks the page offers to select,
 *                   and the check of a run's selection before it starts
 * @param reports    the {@code report} use case on the same SQL engine: the review page of a finished run's workspace
 */
public record WebServices(RunWorkspaces runs, SqlEngine workspaces, ShowSpec specs, RunReport reports) {
    public WebServices {
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(workspaces, "workspaces");
        Objects.requireNonNull(specs, "specs");
        Objects.requireNonNull(reports, "reports");
    }
}
