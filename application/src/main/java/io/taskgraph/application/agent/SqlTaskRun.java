package io.taskgraph.application.agent;

import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.TaskSession;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.sql.StatementResult;
import io.taskgraph.domain.validation.OutputValidator;
import io.taskgraph.domain.validation.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs a SQL task's statements in order through the task's guarded session (same namespace guard and
 * trace as an agent's SQL, no model), stopping at the first statement that fails, then validates.
 */
public final class SqlTaskRun {
    private SqlTaskRun() {
    }

    /** What the statements did: every problem found (statement errors, then validation failures). */
    public record Result(int statements, List<String> errors, boolean cancelled) {
        public Result {
            errors = List.copyOf(errors);
        }

        public boolean passed() {
            return errors.isEmpty() && !cancelled;
        }
    }

    public static Result run(TaskSpec task, TaskSession session, RunListener listener, BooleanSupplier cancelled) {
        int executed = 0;
        for (int i = 0; i < task.sql().size(); i++) {
            if (cancelled.getAsBoolean()) {
                return new Result(executed, List.of(), true);
            }
            String sql = task.sql().get(i);
            StatementResult result = session.execute(sql);
            executed++;
            listener.on(new RunEvent.SqlExecuted(task.name(), sql, result.success(), result.error(),
                    result.rowCount(), result.elapsedMs()));
            if (!result.success()) {
                List<String> errors = new ArrayList<>();
                errors.add("Statement " + (i + 1) + " of " + task.sql().size() + " failed: " + result.error());
                if (i + 1 < task.sql().size()) {
                    errors.add("Statements " + (i + 2) + " to " + task.sql().size() + " were not run.");
                }
                return new Result(executed, errors, false);
            }
        }
        ValidationReport report = OutputValidator.validate(task, session);
        if (!report.passed()) {
            listener.on(new RunEvent.ValidationFailed(task.name(), report.failures()));
        }
        return new Result(executed, report.failures(), false);
    }
}
