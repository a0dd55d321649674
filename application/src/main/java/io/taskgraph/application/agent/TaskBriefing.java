package io.taskgraph.application.agent;

import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.sql.Namespace;
import io.taskgraph.domain.sql.QueryResult;
import io.taskgraph.domain.sql.RelationInfo;
import io.taskgraph.domain.sql.SqlFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The first user message of a task agent: the task prompt verbatim, what the inputs look like (schema,
 * row count, sample rows; each input's picture is made once per run, see {@link InputPreviews}), what must be
 * built and what may be named, and the checks that will be run.
 * Review and repair conversations add the current state of the outputs and what is wrong with it.
 */
public final class TaskBriefing {
    static final int SAMPLE_ROWS = 3;
    private static final int MAX_VALUE_CHARS = 200;

    private final TaskSpec task;
    private final Namespace namespace;
    private final SqlReader reader;
    private final InputPreviews previews;
    private final StringBuilder text = new StringBuilder();

    private TaskBriefing(TaskSpec task, Namespace namespace, SqlReader reader, InputPreviews previews) {
        this.task = task;
        this.namespace = namespace;
        this.reader = reader;
        this.previews = previews;
    }

    /** The briefing for a fresh agent. */
    public static String fresh(TaskSpec task, Namespace namespace, SqlReader reader, InputPreviews previews) {
        TaskBriefing b = new TaskBriefing(task, namespace, reader, previews);
        b.prompt();
        b.inputs();
        b.outputs();
        b.checks();
        return b.text.toString().strip();
    }

    /** For a rerun in review mode: the existing outputs and their current validation failures (may be empty). */
    public static String review(TaskSpec task, Namespace namespace, SqlReader reader, InputPreviews previews,
                                List<String> currentFailures) {
        TaskBriefing b = new TaskBriefing(task, namespace, reader, previews);
        b.prompt();
        b.inputs();
        b.outputs();
        b.checks();
        b.existingOutputs();
        b.line("## Review");
        if (currentFailures.isEmpty()) {
            b.line("The existing outputs above pass validation as they are. Review them against the task and the "
                    + "current data: fix anything wrong or incomplete, and leave what is right unchanged.");
        } else {
            b.line("The existing outputs fail validation now:");
            currentFailures.forEach(f -> b.line("- " + f));
            b.line("");
            b.line("Fix them, keeping what is right; the data or the task may have changed since they were built.");
        }
        return b.text.toString().strip();
    }

    /** For a SQL task whose statements failed: the prompt is the intent, then the SQL and its errors. */
    public static String repair(TaskSpec task, Namespace namespace, SqlReader reader, InputPreviews previews,
                                List<String> errors) {
        TaskBriefing b = new TaskBriefing(task, namespace, reader, previews);
        b.line("# Task: " + task.name());
        b.line("");
        b.line("This task is normally done by fixed SQL, which no longer works. Repair it: produce the outputs "
                + "the SQL was meant to produce, keeping its intent.");
        b.line("");
        b.line("## Intent");
        b.line(task.prompt().strip());
        b.line("");
        b.line("## The task's SQL, in order");
        for (int i = 0; i < task.sql().size(); i++) {
            b.line((i + 1) + ".");
            b.line("```sql");
            b.line(task.sql().get(i).strip());
            b.line("```");
        }
        b.line("");
        b.line("## What went wrong");
        errors.forEach(e -> b.line("- " + e));
        b.line("");
        b.inputs();
        b.outputs();
        b.checks();
        b.existingOutputs();
        return b.text.toString().strip();
    }

    private void prompt() {
        line("# Task: " + task.name());
        line("");
        line(task.prompt().strip());
        line("");
    }

    private void inputs() {
        line("## Inputs");
        if (task.inputs().isEmpty()) {
            line("(none declared)");
            line("");
        }
        for (String input : task.inputs()) {
            text.append(previews.of(input, () -> picture(task, namespace, reader, input)));
            line("");
        }
    }

    /** What a briefing shows of one input: its heading, columns and sample rows, ending in a newline. */
    private static String picture(TaskSpec task, Namespace namespace, SqlReader reader, String input) {
        TaskBriefing picture = new TaskBriefing(task, namespace, reader, null);
        picture.describeRelation(input, "");
        return picture.text.toString();
    }

    /**
     * {@link #picture} of a task's own output, for its readers' briefings; empty when one of its queries failed, so
     * that a picture taken while something went wrong (the session closing, a timeout) is never shown.
     */
    static Optional<String> pictureOfOutput(TaskSpec task, Namespace namespace, SqlReader reader, String output) {
        boolean[] failed = {false};
        SqlReader noting = new SqlReader() {
            @Override
            public QueryResult query(String sql, List<Object> parameters) {
                try {
                    return reader.query(sql, parameters);
                } catch (SqlFailure e) {
                    failed[0] = true;
                    throw e;
                }
            }

            @Override
            public Optional<RelationInfo> describe(String name) {
                return reader.describe(name);
            }
        };
        String text = picture(task, namespace, noting, output);
        return failed[0] ? Optional.empty() : Optional.of(text);
    }

    private void describeRelation(String name, String heading) {
        Optional<RelationInfo> info = reader.describe(name);
        if (info.isEmpty()) {
            line("### " + name + heading + " (does not exist yet)");
            return;
        }
        RelationInfo relation = info.get();
        String kind = relation.kind() == RelationInfo.Kind.VIEW ? "view" : "table";
        line("### " + name + heading + " (" + kind + ", " + rowCount(name) + ")");
        line("Columns: " + relation.columns().stream().map(c -> c.name() + " " + c.sqlType())
                .collect(Collectors.joining(", ")));
        sampleRows(name, relation.columns());
    }

    private String rowCount(String name) {
        try {
            Object count = reader.query("SELECT count(*) FROM " + quote(name)).rows().get(0).get(0);
            return count + (String.valueOf(count).equals("1") ? " row" : " rows");
        } catch (SqlFailure e) {
            return "row count unavailable: " + e.getMessage();
        }
    }

    private void sampleRows(String name, List<Column> columns) {
        QueryResult sample;
        try {
            // Sorted, so the briefing is the same text every run (recordings replay); input tables sort by _row_id.
            sample = reader.query("SELECT * FROM " + quote(name) + " ORDER BY ALL LIMIT " + SAMPLE_ROWS);
        } catch (SqlFailure unsortable) {
            try {
                sample = reader.query("SELECT * FROM " + quote(name) + " LIMIT " + SAMPLE_ROWS);
            } catch (SqlFailure e) {
                line("Sample rows unavailable: " + e.getMessage());
                return;
            }
        }
        if (sample.rows().isEmpty()) {
            return;
        }
        line("Sample rows:");
        for (List<Object> row : sample.rows()) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < sample.columns().size() && i < row.size(); i++) {
                object.put(sample.columns().get(i), shorten(row.get(i)));
            }
            line(Json.write(object));
        }
    }

    private static Object shorten(Object value) {
        if (value instanceof String s && s.length() > MAX_VALUE_CHARS) {
            return s.substring(0, MAX_VALUE_CHARS) + "...";
        }
        return value;
    }

    private void outputs() {
        line("## Required outputs (create each as a VIEW)");
        for (String output : task.outputs()) {
            List<String> columns = task.requiredColumns(output);
            line("- " + output + (columns.isEmpty() ? "" : " with at least the columns: " + String.join(", ", columns)));
        }
        line("");
        line("## Names you may create");
        line(namespace.describe() + " (helper views and macros). Everything else is read-only.");
        line("");
        line("## What you may read");
        line("Only " + (namespace.inputs().isEmpty() ? "" : "your inputs (" + String.join(", ", namespace.inputs())
                + "), ") + "the views and macros you create, and the catalog (DESCRIBE, SHOW TABLES, "
                + "information_schema, duckdb_tables(), duckdb_views(), duckdb_columns(), duckdb_functions()). Other "
                + "tasks' views, input tables not listed here, Taskgraph's own tables (_trace, _task_meta, "
                + "_workspace_meta), files and settings are refused.");
        line("");
    }

    private void checks() {
        line("## Validation run when you finish");
        line("1. Every required output exists as a view.");
        line("2. Each output has its required columns.");
        if (task.validateSql().isEmpty()) {
            line("(no SQL checks)");
        } else {
            line("3. Each of these queries returns no rows (every row returned is reported as a failure):");
            for (String check : task.validateSql()) {
                line("```sql");
                line(check.strip());
                line("```");
            }
        }
        line("");
    }

    private void existingOutputs() {
        line("## Your existing outputs");
        for (String output : task.outputs()) {
            describeRelation(output, "");
            definition(output).ifPresent(sql -> {
                line("Definition:");
                line("```sql");
                line(sql.strip());
                line("```");
            });
        }
        line("");
    }

    private Optional<String> definition(String view) {
        try {
            QueryResult result = reader.query("SELECT sql FROM duckdb_views() WHERE lower(view_name) = lower(?) "
                    + "AND NOT internal", List.of(view));
            return result.rows().isEmpty() ? Optional.empty()
                    : Optional.ofNullable(result.rows().get(0).get(0)).map(String::valueOf);
        } catch (SqlFailure e) {
            return Optional.empty();
        }
    }

    private void line(String s) {
        text.append(s).append('\n');
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
