package io.taskgraph.domain.validation;

import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.sql.RelationInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three validation stages, in order, stopping at the first that fails: every declared output exists
 * as a view; each has its required columns; each validate_sql query returns no rows. The messages are the
 * feedback an agent acts on, so they name the view, what is missing, and what is there.
 */
public final class OutputValidator {
    private OutputValidator() {
    }

    public static ValidationReport validate(TaskSpec task, SqlReader reader) {
        Map<String, RelationInfo> views = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (String output : task.outputs()) {
            existence(output, reader, failures).ifPresent(view -> views.put(output, view));
        }
        if (!failures.isEmpty()) {
            return new ValidationReport(failures);
        }
        for (String output : task.outputs()) {
            columns(task, output, views.get(output), failures);
        }
        if (!failures.isEmpty()) {
            return new ValidationReport(failures);
        }
        return new ValidationReport(ValidationQueries.failures(task.validateSql(), reader, ""));
    }

    /** Only the cheap stages (existence, columns) for one output: early feedback after CREATE VIEW. */
    public static ValidationReport checkShape(TaskSpec task, String output, SqlReader reader) {
        if (!task.outputs().contains(output)) {
            throw new IllegalArgumentException("'" + output + "' is not an output of task '" + task.name()
                    + "' " + task.outputs());
        }
        List<String> failures = new ArrayList<>();
        Optional<RelationInfo> view = existence(output, reader, failures);
        view.ifPresent(v -> columns(task, output, v, failures));
        return new ValidationReport(failures);
    }

    private static Optional<RelationInfo> existence(String output, SqlReader reader, List<String> failures) {
        Optional<RelationInfo> relation = reader.describe(output);
        if (relation.isEmpty()) {
            failures.add("Output view '" + output + "' does not exist; create it with CREATE OR REPLACE VIEW "
                    + output + " AS SELECT ....");
            return Optional.empty();
        }
        if (relation.get().kind() != RelationInfo.Kind.VIEW) {
            failures.add("Output '" + output + "' is a table, must be a view.");
            return Optional.empty();
        }
        return relation;
    }

    private static void columns(TaskSpec task, String output, RelationInfo view, List<String> failures) {
        List<String> missing = RequiredColumns.missing(task.requiredColumns(output), view.columnNames());
        if (!missing.isEmpty()) {
            failures.add("View '" + output + "' is missing required column" + (missing.size() == 1 ? "" : "s") + " "
                    + missing + "; its columns are " + view.columnNames() + ".");
        }
    }
}
