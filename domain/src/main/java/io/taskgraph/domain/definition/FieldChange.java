package io.taskgraph.domain.definition;

import java.util.List;
import java.util.Optional;

/**
 * One field of a task's definition that differs from the recorded one: its name as the spec spells it
 * ({@code prompt}, {@code validate_sql}, ...) and its text before and after. Statement lists ({@code sql},
 * {@code validate_sql}) hold one statement per line.
 */
public record FieldChange(String field, String before, String after) {
    public static final String PROMPT = "prompt";
    public static final String SQL = "sql";
    public static final String REPAIR = "repair";
    public static final String INPUTS = "inputs";
    public static final String OUTPUTS = "outputs";
    public static final String OUTPUT_COLUMNS = "output_columns";
    public static final String VALIDATE_SQL = "validate_sql";

    /** Only text worth reading line by line gets a diff; the other fields read well as before and after. */
    private static final List<String> DIFFED = List.of(PROMPT, SQL, VALIDATE_SQL);

    /** Whether the field is text worth reading line by line (a prompt, a statement list). */
    public boolean text() {
        return DIFFED.contains(field);
    }

    /**
     * A unified-style diff ({@code - old}, {@code + new}, {@code   unchanged context}) of at most {@code maxLines}
     * lines, each at most {@code width} characters; empty when the field is not text or the diff is longer.
     */
    public Optional<List<String>> diff(int maxLines, int width) {
        if (!text()) {
            return Optional.empty();
        }
        return TextDiff.unified(before, after, maxLines, width);
    }
}
