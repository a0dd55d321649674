package io.taskgraph.adapters.web.http;

import io.javalin.http.Context;
import io.taskgraph.adapters.web.error.WebException;
import io.taskgraph.adapters.web.run.RunOutputs;
import io.taskgraph.adapters.web.run.RunService;
import io.taskgraph.adapters.web.run.WebRun;
import io.taskgraph.application.report.RunReport;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.sql.QueryResult;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a finished run leaves: the .db, the exports, previews of its views, and the report page of its .db. */
final class ResultEndpoints {
    static final int DEFAULT_PREVIEW_ROWS = 50;
    static final int MAX_PREVIEW_ROWS = 1000;

    private final RunService runs;
    private final RunOutputs outputs;
    private final RunReport reports;

    ResultEndpoints(RunService runs, RunOutputs outputs, RunReport reports) {
        this.runs = runs;
        this.outputs = outputs;
        this.reports = reports;
    }

    void downloadDb(Context ctx) throws IOException {
        WebRun run = finishedRun(ctx);
        Path db = run.database().orElseThrow(() -> WebException.notFound("Run " + run.id() + " wrote no .db file ("
                + run.state().wire() + "); its stream's log says why."));
        sendFile(ctx, db, "taskgraph-" + run.id() + ".db", "application/octet-stream");
    }

    /**
     * The page {@code taskgraph report} writes, made from the finished run's .db (opened read-only). Inline, so a
     * browser shows it; named, so saving it gives a file that works offline like the CLI's.
     */
    void report(Context ctx) {
        WebRun run = finishedRun(ctx, "its report");
        Path db = run.database().orElseThrow(() -> WebException.notFound("Run " + run.id() + " wrote no .db file ("
                + run.state().wire() + "), so there is nothing to report; its stream's log says why."));
        String html;
        synchronized (run) {
            html = reports.html(db);
        }
        ctx.header("Content-Disposition", disposition("inline", "taskgraph-" + run.id() + "-report.html"));
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(html);
    }

    void listExports(Context ctx) {
        WebRun run = runs.find(ctx.pathParam("id"));
        List<Map<String, Object>> exports = run.writtenExports().stream().map(x -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", x.name());
            json.put("size", size(x.path()));
            json.put("url", "/api/run/" + run.id() + "/download/export/" + encode(x.name()));
            return json;
        }).toList();
        JsonResponses.ok(ctx, exports);
    }

    void downloadExport(Context ctx) throws IOException {
        WebRun run = finishedRun(ctx);
        String name = SafeFileNames.plainName(ctx.pathParam("filename"), "Export name");
        ExportResult export = run.writtenExports().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> WebException.notFound("Run " + run.id() + " has no export named '" + name
                        + "'; GET /api/run/" + run.id() + "/exports lists the ones it wrote."));
        Path file = export.path().toAbsolutePath().normalize();
        Path folder = file.getParent();
        if (folder == null || !file.startsWith(run.folder().root())) {
            throw WebException.notFound("Export '" + name + "' was written outside this run's folder and is not served.");
        }
        sendFile(ctx, SafeFileNames.existingFileIn(folder, file.getFileName().toString(), "Export"), name,
                contentType(name));
    }

    void preview(Context ctx) {
        WebRun run = finishedRun(ctx);
        String view = ctx.pathParam("view");
        int limit = limit(ctx.queryParam("limit"));
        Path db = run.database().orElseThrow(() -> WebException.notFound("Run " + run.id()
                + " wrote no .db file, so it has no views to preview."));
        QueryResult rows;
        synchronized (run) {
            rows = outputs.preview(db, view, limit).orElseThrow(() -> WebException.notFound("Run " + run.id()
                    + " has no view named '" + view + "'; its result lists the views it holds."));
        }
        boolean truncated = rows.rowCount() > limit;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("view", view);
        json.put("columns", rows.columns());
        json.put("rows", truncated ? rows.rows().subList(0, limit) : rows.rows());
        json.put("limit", limit);
        json.put("truncated", truncated);
        JsonResponses.ok(ctx, json);
    }

    private WebRun finishedRun(Context ctx) {
        return finishedRun(ctx, "its results");
    }

    /** The run the path names, once it has finished; {@code what} names what the request asked of it. */
    private WebRun finishedRun(Context ctx, String what) {
        WebRun run = runs.find(ctx.pathParam("id"));
        if (!run.state().finished()) {
            throw WebException.notReady("Run " + run.id() + " is still " + run.state().wire() + "; " + what + " can be "
                    + "fetched once it has finished (the stream's 'done' event).");
        }
        return run;
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_PREVIEW_ROWS;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_PREVIEW_ROWS) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw WebException.badInput("Query parameter 'limit' must be a whole number from 1 to " + MAX_PREVIEW_ROWS
                + ", got '" + (text.length() > 20 ? text.substring(0, 20) + "..." : text) + "'.");
    }

    private static void sendFile(Context ctx, Path file, String downloadName, String contentType) throws IOException {
        ctx.header("Content-Disposition", disposition("attachment", downloadName));
        ctx.header("Content-Length", Long.toString(Files.size(file)));
        ctx.contentType(contentType);
        ctx.result(Files.newInputStream(file));
    }

    /** {@code type} with the file name twice: ASCII for every client, and exact (RFC 6266) for those that read it. */
    private static String disposition(String type, String name) {
        return type + "; filename=\"" + name.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_") + "\"; filename*=UTF-8''"
                + encode(name);
    }

    private static String contentType(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return "text/csv; charset=utf-8";
        } else if (lower.endsWith(".json")) {
            return JsonResponses.JSON;
        } else if (lower.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        } else if (lower.endsWith(".parquet")) {
            return "application/vnd.apache.parquet";
        }
        return "application/octet-stream";
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
