package io.taskgraph.domain.data;

import io.taskgraph.domain.InvalidSpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Column names an input's data may have. DuckDB does not tell column names apart by case, and every input
 * table gets a {@value #ROW_ID} column of its own; a reader facing such names renames one of them
 * ({@code ID} becomes {@code ID_1}) and the data no longer says what the user wrote. Taskgraph never renames a
 * column, so these names are refused before a table is made from them.
 */
public final class ColumnNames {
    /** The row number column ingestion adds to every input table. */
    public static final String ROW_ID = "_row_id";

    private ColumnNames() {
    }

    /**
     * Refuses the column names of input {@code input}'s data (as the data itself names them, before any reader
     * renamed them) when two differ only in case or one is {@value #ROW_ID} in any case. {@code origin} says
     * where the data came from ({@code file data/people.csv}, {@code callable load_people}).
     */
    public static void requireDistinct(String input, String origin, List<String> names) {
        List<String> problems = new ArrayList<>();
        List<List<String>> clashes = sameIgnoringCase(names);
        if (!clashes.isEmpty()) {
            problems.add("has columns whose names differ only in case: " + clashes.stream()
                    .map(ColumnNames::quotedList).collect(Collectors.joining("; ")) + ". DuckDB does not tell such "
                    + "names apart: it would rename one of them, and tasks could read the wrong column");
        }
        names.stream().filter(n -> n.equalsIgnoreCase(ROW_ID)).findFirst().ifPresent(n -> problems.add(
                "has a column named '" + n + "', but Taskgraph adds its own '" + ROW_ID + "' (the row number, 1..n "
                        + "in source order) to every input table, so the data's column would be renamed"));
        if (problems.isEmpty()) {
            return;
        }
        String fix = clashes.isEmpty() ? "Rename that column in the data (" + origin + "), e.g. to 'source_row_id'"
                : "Rename the columns in the data (" + origin + ") so that no two differ only in case"
                + (problems.size() > 1 ? " and none is called '" + ROW_ID + "'" : "");
        throw new InvalidSpecException("Input '" + input + "' (" + origin + ") " + String.join("; it also ", problems)
                + ". " + fix + ", and run again.");
    }

    /**
     * Refuses a spec's declared {@code columns} of input {@code input} that name one column twice, exactly or
     * differing only in case. ({@value #ROW_ID} may be declared: every input table has it.)
     */
    public static void requireDistinctDeclared(String input, List<String> declared) {
        List<List<String>> clashes = sameIgnoringCase(declared);
        if (clashes.isEmpty()) {
            return;
        }
        List<String> described = new ArrayList<>();
        for (List<String> clash : clashes) {
            boolean exact = clash.stream().distinct().count() == 1;
            described.add(exact ? "'" + clash.get(0) + "' " + times(clash.size())
                    : quotedList(clash) + ", which DuckDB does not tell apart");
        }
        throw new InvalidSpecException("Input '" + input + "': \"columns\" lists " + String.join("; and ", described)
                + ". List each column once, spelled as in the data.");
    }

    /** Groups of two or more names equal but for case, each in first-seen order. */
    private static List<List<String>> sameIgnoringCase(List<String> names) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (String name : names) {
            byKey.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(name);
        }
        return byKey.values().stream().filter(group -> group.size() > 1).toList();
    }

    private static String quotedList(List<String> names) {
        List<String> quoted = names.stream().map(n -> "'" + n + "'").toList();
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }

    private static String times(int count) {
        return count == 2 ? "twice" : count + " times";
    }
}
