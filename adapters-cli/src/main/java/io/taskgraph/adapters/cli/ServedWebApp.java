package io.taskgraph.adapters.cli;

import io.taskgraph.adapters.web.WebConfig;
import io.taskgraph.adapters.web.WebServer;
import io.taskgraph.adapters.web.WebServices;
import io.taskgraph.domain.port.SqlEngine;
import java.time.Clock;

/**
 * The web app as {@code taskgraph serve} starts it: the web adapter given the run use case on the same adapters as
 * the terminal commands ({@link ServedRuns}) and the SQL engine that reads finished runs' workspaces.
 */
public final class ServedWebApp {
    private ServedWebApp() {
    }

    /** Starts the server; returns once it listens. */
    public static WebServer start(Adapters adapters, Clock clock, WebConfig config, ModelChoice model) {
        SqlEngine workspaces = adapters.sqlEngine();
        ServedRuns runs = new ServedRuns(adapters, model, workspaces, clock);
        return adapters.webServer(config, new WebServices(runs, workspaces));
    }
}
