package io.taskgraph.adapters.cli;

import io.taskgraph.adapters.web.WebConfig;
import io.taskgraph.adapters.web.WebServer;
import io.taskgraph.adapters.web.WebServices;
import io.taskgraph.application.report.RunReport;
import io.taskgraph.application.show.ShowSpec;
import io.taskgraph.domain.port.SqlEngine;
import java.time.Clock;

/**
 * The web app as {@code taskgraph serve} starts it: the web adapter given the run use case on the same adapters as
 * the terminal commands ({@link ServedRuns}), the SQL engine that reads finished runs' workspaces, the
 * {@code show} use case on the same spec loader, which lists a spec's tasks for the page's selection, and the
 * {@code report} use case on that SQL engine, so a finished run's report is the page {@code taskgraph report} writes.
 */
public final class ServedWebApp {
    private ServedWebApp() {
    }

    /** Starts the server; returns once it listens. */
    public static WebServer start(Adapters adapters, Clock clock, WebConfig config, ModelChoice model) {
        SqlEngine workspaces = adapters.sqlEngine();
        ServedRuns runs = new ServedRuns(adapters, model, workspaces, clock);
        // What a spec prints while the page asks for its tasks is nobody's to read: runs show their spec's output.
        ShowSpec specs = new ShowSpec(adapters.specLoader(line -> { }));
        RunReport reports = new RunReport(workspaces, clock);
        return adapters.webServer(config, new WebServices(runs, workspaces, specs, reports));
    }
}
