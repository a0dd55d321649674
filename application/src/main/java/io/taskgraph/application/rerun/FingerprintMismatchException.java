package io.taskgraph.application.rerun;

import io.taskgraph.domain.InvalidSpecException;
import java.util.List;

/** The spec no longer has the structure the previous workspace was built with; nothing was run. */
public final class FingerprintMismatchException extends InvalidSpecException {
    private final List<String> differences;

    public FingerprintMismatchException(String source, String module, List<String> differences) {
        super("Spec '" + module + "' is not structurally compatible with workspace " + source
                + "; nothing was run:\n  - " + String.join("\n  - ", differences)
                + "\nA rerun needs the same inputs (with their columns) and tasks (with their inputs, outputs and "
                + "output_columns); prompts and validate_sql may change. Use 'taskgraph run' for a new structure.");
        this.differences = List.copyOf(differences);
    }

    public List<String> differences() {
        return differences;
    }
}
