package io.taskgraph.application.report;

import io.taskgraph.application.files.WholeFile;
import io.taskgraph.application.inspect.RecordedRun;
import io.taskgraph.application.inspect.RecordedRuns;
import io.taskgraph.application.inspect.RecordedTask;
import io.taskgraph.application.inspect.RecordedTrace;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code report} use case: one self-contained HTML page for reviewing the run a workspace recorded — its graph
 * coloured by status; per task its figures, validation, final message, the SQL and first rows of each output, and
 * its trace; the run's spec, commit and rerun lineage. The workspace is opened read-only. The page loads nothing
 * from anywhere (inline style, script and SVG under a Content-Security-Policy that forbids every request), so it
 * works offline, printed, and as an e-mail attachment; everything from the workspace is escaped.
 *
 * <p>The web adapter serves {@link #html} for a finished run; the CLI writes it with {@link #write}.
 */
public final class RunReport {
    private final SqlEngine engine;
    private final Clock clock;

    public RunReport(SqlEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** Where {@code report DB} writes when not told: beside the workspace, {@code .db} replaced by {@code .html}. */
    public static Path defaultOutput(Path db) {
        String name = db.getFileName().toString();
        String base = name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
        return db.resolveSibling(base + ".html");
    }

    /** The report page of the run {@code db} recorded. */
    public String html(Path db) {
        ReportContent content = read(db);
        return ReportTemplate.page(Html.escape(ReportPage.title(content.run())), ReportPage.body(content));
    }

    /**
     * Writes the report of {@code db} to {@code out}, replacing it whole if it exists (the caller decides whether it
     * may); refuses to write over the workspace itself. Returns {@code out}.
     */
    public Path write(Path db, Path out) {
        if (Files.isDirectory(out)) {
            throw new UsageException("The report output " + out + " is a directory; give a file name such as "
                    + out.resolve(defaultOutput(db).getFileName()) + ".");
        }
        if (isWorkspaceFile(db, out)) {
            throw new UsageException("The report output " + out + " is the workspace itself (or its write-ahead log); "
                    + "choose an .html file name.");
        }
        WholeFile.write(out, html(db).getBytes(StandardCharsets.UTF_8));
        return out;
    }

    private ReportContent read(Path db) {
        try (Workspace workspace = engine.openReadOnly(db)) {
            RecordedRun run = RecordedRuns.read(workspace);
            Map<String, List<OutputView>> outputs = new LinkedHashMap<>();
            for (RecordedTask task : run.tasks()) {
                outputs.put(task.name(), task.outputs().stream().map(view -> OutputViews.read(workspace, view)).toList());
            }
            return new ReportContent(run, outputs, RecordedTrace.read(workspace), clock.instant());
        }
    }

    private static boolean isWorkspaceFile(Path db, Path out) {
        Path target = out.toAbsolutePath().normalize();
        Path workspace = db.toAbsolutePath().normalize();
        if (target.equals(workspace) || target.equals(workspace.resolveSibling(workspace.getFileName() + ".wal"))) {
            return true;
        }
        try {
            return Files.exists(target) && Files.isSameFile(target, workspace);
        } catch (IOException e) {
            return false;
        }
    }
}
