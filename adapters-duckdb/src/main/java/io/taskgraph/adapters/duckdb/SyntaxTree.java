package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.sql.SqlReference;
import io.taskgraph.domain.sql.SqlReference.Argument;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The references in one statement's syntax tree as DuckDB's parser serialises it ({@code json_serialize_sql}):
 * every table or view named ({@code BASE_TABLE}), every table function called ({@code TABLE_FUNCTION}), every
 * other function called, and every {@code SHOW}. The whole tree is walked, so subqueries, lateral joins, set
 * operations, PIVOT sources, function arguments, lambdas, filters and window clauses are all covered; names of
 * common table expressions in scope are not references. A WITH clause's expressions see the ones declared
 * before them (and a recursive one itself), never later ones: where DuckDB would resolve a name to a CTE that
 * this walk does not expect, the name is judged as a table, which can only refuse more.
 */
final class SyntaxTree {
    private final List<SqlReference> references = new ArrayList<>();
    /** How many lambda bodies the walk is inside: calls there run once per element of a list. */
    private int lambdas;

    private SyntaxTree() {
    }


    /** The references of the parsed statement {@code statement} (one element of the serialiser's "statements"). */
    static List<SqlReference> references(Object statement) {
        SyntaxTree tree = new SyntaxTree();
        tree.visit(statement, Set.of(), false);
        return tree.references;
    }

    private void visit(Object value, Set<String> ctes, boolean columnsOnly) {
        if (value instanceof List<?> list) {
            for (Object item : list) {
                visit(item, ctes, columnsOnly);
            }
            return;
        }
        if (value instanceof Map<?, ?> lambda && "LAMBDA".equals(lambda.get("class"))) {
            lambdas++;
            try {
                visit(lambda.get("expr"), ctes, columnsOnly);
            } finally {
                lambdas--;
            }
            return;
        }
        if (!(value instanceof Map<?, ?> node)) {
            return;
        }
        Set<String> scope = node.get("cte_map") instanceof Map<?, ?> cteMap ? withCtes(cteMap, ctes, columnsOnly) : ctes;
        Object type = node.get("type");
        Object kind = node.get("class");
        if ("BASE_TABLE".equals(type)) {
            relation(node, scope, columnsOnly);
            return;
        }
        if ("TABLE_FUNCTION".equals(type) && node.get("function") instanceof Map<?, ?> function) {
            references.add(new SqlReference.TableFunction(path(function.get("catalog"), function.get("schema"),
                    function.get("function_name"))));
            visit(function.get("arguments"), scope, false);
            visitExcept(node, "function", scope, columnsOnly);
            return;
        }
        if ("SHOW_REF".equals(type)) {
            show(node, scope);
            return;
        }
        if ("FUNCTION".equals(kind)) {
            references.add(new SqlReference.Function(path(node.get("catalog"), node.get("schema"),
                    node.get("function_name")), arguments(node.get("arguments")), lambdas > 0));
        } else if ("WINDOW".equals(kind)) {
            references.add(new SqlReference.Function(path(node.get("catalog"), node.get("schema"),
                    node.get("function_name")), List.of(), lambdas > 0));
        }
        visitExcept(node, "cte_map", scope, columnsOnly);
    }

    private void visitExcept(Map<?, ?> node, String skipped, Set<String> scope, boolean columnsOnly) {
        for (Map.Entry<?, ?> entry : node.entrySet()) {
            if (!skipped.equals(entry.getKey()) && !"cte_map".equals(entry.getKey())) {
                visit(entry.getValue(), scope, columnsOnly);
            }
        }
    }

    /** Walks each CTE's body with the CTEs before it in scope; returns the scope of the query after the WITH. */
    private Set<String> withCtes(Map<?, ?> cteMap, Set<String> outer, boolean columnsOnly) {
        if (!(cteMap.get("map") instanceof List<?> entries) || entries.isEmpty()) {
            return outer;
        }
        Set<String> scope = new HashSet<>(outer);
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> cte) || !(cte.get("key") instanceof String name)) {
                continue;
            }
            Object body = cte.get("value");
            boolean recursive = body instanceof Map<?, ?> definition && definition.get("query_node") instanceof Map<?, ?> q
                    && "RECURSIVE_CTE_NODE".equals(q.get("type"));
            Set<String> bodyScope = new HashSet<>(scope);
            if (recursive) {
                bodyScope.add(lower(name));
            }
            visit(body, Set.copyOf(bodyScope), columnsOnly);
            scope.add(lower(name));
        }
        return Set.copyOf(scope);
    }

    private void relation(Map<?, ?> node, Set<String> ctes, boolean columnsOnly) {
        List<String> path = path(node.get("catalog_name"), node.get("schema_name"), node.get("table_name"));
        if (path.size() == 1 && ctes.contains(lower(path.get(0)))) {
            return;
        }
        references.add(new SqlReference.Relation(path, columnsOnly));
    }

    /** DESCRIBE/SHOW look at columns, SUMMARIZE at rows; SHOW TABLES and friends are special views. */
    private void show(Map<?, ?> node, Set<String> scope) {
        String showType = String.valueOf(node.get("show_type"));
        Object query = node.get("query");
        if (query instanceof Map<?, ?>) {
            visit(query, scope, !"SUMMARY".equals(showType));
            return;
        }
        Object table = node.get("table_name");
        if (!(table instanceof String name) || name.isEmpty()) {
            return;
        }
        if ("SHOW_SPECIAL".equals(showType)) {
            references.add(new SqlReference.Show(name));
        } else {
            references.add(new SqlReference.Relation(path(node.get("catalog_name"), node.get("schema_name"), name),
                    !"SUMMARY".equals(showType)));
        }
    }

    private static List<Argument> arguments(Object arguments) {
        List<Argument> result = new ArrayList<>();
        if (arguments instanceof List<?> list) {
            for (Object item : list) {
                Object expression = item instanceof Map<?, ?> argument ? argument.get("expression") : null;
                result.add(argument(expression));
            }
        }
        return result;
    }

    /** A literal (also under a cast) becomes its value; anything else is computed. */
    private static Argument argument(Object expression) {
        if (!(expression instanceof Map<?, ?> node)) {
            return Argument.computed();
        }
        if ("CAST".equals(node.get("class"))) {
            return argument(node.get("child"));
        }
        if (!"CONSTANT".equals(node.get("class")) || !(node.get("literal") instanceof Map<?, ?> literal)) {
            return Argument.computed();
        }
        String text = String.valueOf(literal.get("text"));
        try {
            return switch (String.valueOf(literal.get("kind"))) {
                case "INTEGER" -> Argument.of(new BigInteger(text));
                case "NUMERIC" -> Argument.of(new BigDecimal(text));
                case "STRING" -> Argument.of(text);
                case "NULL_LITERAL" -> Argument.of(null);
                case "BOOLEAN" -> Argument.of(Boolean.valueOf(text));
                default -> Argument.computed();
            };
        } catch (NumberFormatException e) {
            return Argument.computed();
        }
    }

    private static List<String> path(Object catalog, Object schema, Object name) {
        List<String> path = new ArrayList<>(3);
        for (Object part : new Object[] {catalog, schema}) {
            if (part instanceof String s && !s.isEmpty()) {
                path.add(s);
            }
        }
        path.add(String.valueOf(name));
        return path;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
