package io.taskgraph.application.agent;

import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.llm.ToolArguments;
import io.taskgraph.domain.llm.ToolDefinition;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.TaskSession;
import io.taskgraph.domain.run.RunDefaults;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.sql.StatementResult;
import io.taskgraph.domain.validation.OutputValidator;
import io.taskgraph.domain.validation.ValidationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's one tool: runs one SQL statement through the task's guarded session and returns the
 * engine's JSON result. When the statement created, replaced or dropped one of the task's declared
 * outputs, that output's cheap checks (exists, required columns) run at once and their verdict is added
 * as {@code output_check}, so a wrong schema is fixed before anything is built on it.
 */
public final class RunSqlTool implements Tool {
    public static final String NAME = "run_sql";

    private static final ToolDefinition DEFINITION = new ToolDefinition(NAME,
            "Run exactly one DuckDB SQL statement in the workspace and get its result as JSON. Use it to explore "
                    + "tables and views (SELECT, DESCRIBE, SUMMARIZE, ...) and to create or replace your views "
                    + "and macros. Results are capped at " + Limits.characters(RunDefaults.RESULT_LIMIT_CHARS)
                    + " characters, so use LIMIT when exploring.",
            "{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\",\"description\":"
                    + "\"One SQL statement, without a trailing second statement.\"}},"
                    + "\"required\":[\"query\"],\"additionalProperties\":false}");

    private final TaskSpec task;
    private final TaskSession session;
    private final RunListener listener;
    private final Runnable beforeStatement;

    /** {@code beforeStatement} is told before each statement runs. */
    public RunSqlTool(TaskSpec task, TaskSession session, RunListener listener, Runnable beforeStatement) {
        this.task = task;
        this.session = session;
        this.listener = listener;
        this.beforeStatement = beforeStatement;
    }

    @Override
    public ToolDefinition definition() {
        return DEFINITION;
    }

    @Override
    public String call(ToolArguments.Values arguments) {
        String sql = arguments.text("query").filter(query -> !query.isBlank())
                .orElseThrow(() -> new ToolArgumentException("run_sql needs a \"query\" argument holding one SQL "
                        + "statement as a string, e.g. {\"query\": \"SELECT * FROM my_table LIMIT 5\"}; got "
                        + arguments.values().keySet() + "."));
        beforeStatement.run();
        StatementResult result = session.execute(sql);
        listener.on(new RunEvent.SqlExecuted(task.name(), sql, result.success(), result.error(), result.rowCount(),
                result.elapsedMs()));
        String content = result.toolJson();
        Map<String, Object> checks = outputChecks(result.changedObjects());
        if (!checks.isEmpty()) {
            content = ToolResults.withField(content, "output_check", checks);
        }
        return content;
    }

    private Map<String, Object> outputChecks(List<String> changed) {
        Map<String, Object> checks = new LinkedHashMap<>();
        for (String output : task.outputs()) {
            if (changed.stream().anyMatch(output::equalsIgnoreCase)) {
                ValidationReport report = OutputValidator.checkShape(task, output, session);
                checks.put(output, report.passed() ? "ok: exists with the required columns"
                        : String.join(" ", report.failures()));
            }
        }
        return checks;
    }
}
