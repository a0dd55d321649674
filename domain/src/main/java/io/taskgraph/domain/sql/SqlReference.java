package io.taskgraph.domain.sql;

import java.util.List;

/**
 * One thing a query reads or calls, as DuckDB's parser reports it (names of common table expressions are
 * not references). {@code path} is the name as written, qualifiers first: {@code [name]}, {@code [schema,
 * name]} or {@code [catalog, schema, name]}.
 */
public sealed interface SqlReference {
    List<String> path();

    /** The last part of the path: the object's own name. */
    default String name() {
        return path().get(path().size() - 1);
    }

    /** The path as SQL would show it, for messages. */
    default String written() {
        return String.join(".", path());
    }

    /**
     * A table or view named in FROM, JOIN, TABLE, SUMMARIZE, DESCRIBE or SHOW. {@code columnsOnly}: only its
     * columns are looked at (DESCRIBE, SHOW), not its rows.
     */
    record Relation(List<String> path, boolean columnsOnly) implements SqlReference {
        public Relation {
            path = List.copyOf(path);
        }
    }

    /** A function called in FROM, producing rows: {@code range(10)}, {@code read_csv('x')}, a table macro. */
    record TableFunction(List<String> path) implements SqlReference {
        public TableFunction {
            path = List.copyOf(path);
        }
    }

    /**
     * A scalar, aggregate or window function call, with what is known of its arguments. {@code perElement}: the
     * call is inside a lambda, so it runs once for every element of a list, all within one enclosing call.
     */
    record Function(List<String> path, List<Argument> arguments, boolean perElement) implements SqlReference {
        public Function {
            path = List.copyOf(path);
            arguments = List.copyOf(arguments);
        }

        public Function(List<String> path, List<Argument> arguments) {
            this(path, arguments, false);
        }
    }

    /** {@code SHOW <what>} of something other than a table: {@code SHOW TABLES}, {@code SHOW DATABASES}. */
    record Show(String what) implements SqlReference {
        @Override
        public List<String> path() {
            return List.of(what);
        }
    }

    /**
     * One argument of a function call: a literal written in the statement ({@code value} a Long, BigInteger,
     * BigDecimal, Double, String or null), or something computed ({@code literal} false).
     */
    record Argument(boolean literal, Object value) {
        public static Argument of(Object value) {
            return new Argument(true, value);
        }

        public static Argument computed() {
            return new Argument(false, null);
        }
    }
}
