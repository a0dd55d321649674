package io.taskgraph.domain.spec;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What counts as a safe SQL identifier for task, input and view names: usable unquoted in DuckDB. */
public final class Identifiers {
    public static final int MAX_LENGTH = 63;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Words DuckDB 2.0 rejects as an unquoted view name, measured by running {@code CREATE VIEW w AS ...},
     * {@code SELECT x FROM w} and {@code SELECT w.x FROM w} for every entry of {@code duckdb_keywords()}.
     */
    private static final Set<String> RESERVED = Set.of("ALL", "ANALYSE", "ANALYZE", "AND", "ANTI", "ANY", "ARRAY",
            "AS", "ASC", "ASOF", "ASYMMETRIC", "AT", "AUTHORIZATION", "BINARY", "BOTH", "BY", "CASE", "CAST", "CHECK",
            "COLLATE", "COLLATION", "COLUMN", "CONCURRENTLY", "CONSTRAINT", "CREATE", "CROSS", "DEFAULT", "DEFERRABLE",
            "DESC", "DESCRIBE", "DISTINCT", "DO", "ELSE", "END", "EXCEPT", "FALSE", "FETCH", "FOR", "FOREIGN", "FREEZE",
            "FROM", "FULL", "GLOB", "GROUP", "HAVING", "ILIKE", "IN", "INITIALLY", "INNER", "INTERSECT", "INTO", "IS",
            "ISNULL", "JOIN", "LAMBDA", "LATERAL", "LEADING", "LEFT", "LIKE", "LIMIT", "NATURAL", "NOT", "NOTNULL",
            "NULL", "OFFSET", "ON", "ONLY", "OR", "ORDER", "OUTER", "OVERLAPS", "PIVOT", "PIVOT_LONGER", "PIVOT_WIDER",
            "PLACING", "POSITIONAL", "PRIMARY", "QUALIFY", "REFERENCES", "RETURNING", "RIGHT", "SELECT", "SEMI", "SHOW",
            "SIMILAR", "SOME", "SUMMARIZE", "SYMMETRIC", "TABLE", "TABLESAMPLE", "THEN", "TO", "TRAILING", "TRUE",
            "UNION", "UNIQUE", "UNPACK", "UNPIVOT", "USING", "VARIADIC", "VERBOSE", "WHEN", "WHERE", "WINDOW", "WITH");

    private Identifiers() {
    }

    public static boolean isSafe(String name) {
        return problem(name).isEmpty();
    }

    /**
     * Why {@code name} cannot name a table or view unquoted, phrased to follow "'name' ", or empty when it can.
     */
    public static Optional<String> problem(String name) {
        Optional<String> spelling = spellingProblem(name);
        if (spelling.isPresent()) {
            return spelling;
        }
        if (RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
            return Optional.of("is a reserved SQL word that DuckDB does not accept as a name; choose another name");
        }
        return Optional.empty();
    }

    /**
     * Why {@code name} is not spelled like an identifier (letters, digits, underscores, at most 63 characters).
     * Enough for a task name, which only ever appears as the prefix {@code name_} of the views it may create,
     * so a keyword such as {@code summarize} is fine there.
     */
    public static Optional<String> spellingProblem(String name) {
        if (name == null || !SAFE.matcher(name).matches()) {
            return Optional.of("is not a safe SQL identifier; use letters, digits and underscores, starting with a "
                    + "letter or underscore");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters; use a shorter name");
        }
        return Optional.empty();
    }
}
