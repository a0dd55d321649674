package io.taskgraph.adapters.web.http;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.SizeUnit;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.taskgraph.adapters.web.run.JsonObjects;
import io.taskgraph.adapters.web.run.RunOutputs;
import io.taskgraph.adapters.web.run.RunService;
import io.taskgraph.adapters.web.run.SpecTasks;
import io.taskgraph.adapters.web.spec.SpecCatalog;
import io.taskgraph.application.report.RunReport;

/** The Javalin application: the API's routes, the page's static files and the error mapping, nothing else. */
public final class WebApp {
    /** Where the page's files live on the classpath (served at {@code /}). */
    public static final String STATIC_ROOT = "/io/taskgraph/adapters/web/static";

    private WebApp() {
    }

    public static Javalin create(SpecCatalog catalog, SpecTasks tasks, RunService runs, RunOutputs outputs,
                                 RunReport reports, FormOptions options, OpenStreams streams, HostGuard hosts) {
        UploadLimits limits = options.limits();
        RunEndpoints runEndpoints = new RunEndpoints(runs, options, streams);
        ResultEndpoints results = new ResultEndpoints(runs, outputs, reports);
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.staticFiles.add(STATIC_ROOT, Location.CLASSPATH);
            // No compression: a gzip stream holds Server-Sent Events back until its buffer fills, and the page
            // is served on the local machine where compression buys nothing.
            cfg.http.compressionStrategy = CompressionStrategy.NONE;
            // Files are checked against our own limits (413 with a message); Jetty's hard limit only guards
            // against a body far larger than any allowed request.
            cfg.jetty.multipartConfig.maxTotalRequestSize(limits.maxRequestBytes() + 1, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            // First, for every path and method (page, static files, API, streams): see HostGuard.
            cfg.routes.before("/*", hosts::check);
            cfg.routes.before("/api/*", ctx -> {
                if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
                    OriginGuard.check(ctx);
                }
                ctx.header("Cache-Control", "no-store");
            });
            cfg.routes.get("/api/specs", ctx -> JsonResponses.ok(ctx, catalog.list().stream().map(spec -> JsonObjects.of(
                    "id", spec.id(), "path", spec.path(), "source", spec.source().wire())).toList()));
            cfg.routes.get("/api/specs/{id}/tasks", ctx -> JsonResponses.ok(ctx,
                    SpecTasksJson.of(ctx.pathParam("id"), tasks.describe(ctx.pathParam("id")))));
            cfg.routes.get("/api/options", ctx -> JsonResponses.ok(ctx, options.json()));
            cfg.routes.post("/api/run", runEndpoints::start);
            cfg.routes.get("/api/runs", runEndpoints::list);
            cfg.routes.get("/api/run/{id}", runEndpoints::status);
            cfg.routes.get("/api/run/{id}/stream", runEndpoints::stream);
            cfg.routes.post("/api/run/{id}/cancel", runEndpoints::cancel);
            cfg.routes.get("/api/run/{id}/download/db", results::downloadDb);
            cfg.routes.get("/api/run/{id}/exports", results::listExports);
            cfg.routes.get("/api/run/{id}/download/export/{filename}", results::downloadExport);
            cfg.routes.get("/api/run/{id}/preview/{view}", results::preview);
            cfg.routes.get("/api/run/{id}/report", results::report);
            ErrorMapping.register(cfg.routes);
        });
    }
}
