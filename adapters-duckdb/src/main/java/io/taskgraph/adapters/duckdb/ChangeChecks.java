package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.sql.QueryParts;
import io.taskgraph.domain.sql.ReadRules;
import io.taskgraph.domain.sql.SqlLexer;
import io.taskgraph.domain.sql.SqlToken;
import io.taskgraph.domain.sql.StatementKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of a CREATE or DROP after it ran, inside its still open transaction, so a failing one rolls it back.
 * <ul>
 *   <li>{@link #storedDefinitionProblem}: the definition DuckDB stored for each created or replaced view and
 *       macro, read back from the catalog, parsed and judged again; it may not use the session's temporary
 *       objects, because a later connection (a stock DuckDB opening the file) resolves those names to
 *       something else or to nothing. This is what a later reader really gets, whatever the agent's text said.</li>
 *   <li>{@link #rebindProblem}: every stored view that uses a changed name (directly or through other views and
 *       macros) is bound again on this connection, whose external access is off; a view that can no longer bind
 *       because it would read outside the workspace is refused. Views that merely broke are left to validation.</li>
 * </ul>
 */
final class ChangeChecks {
    private final Connection connection;
    private final QueryParser parser;
    private final String database;

    ChangeChecks(Connection connection, QueryParser parser, String database) {
        this.connection = connection;
        this.parser = parser;
        this.database = database;
    }

    Optional<String> storedDefinitionProblem(List<CatalogSnapshot.Change> changes, CatalogSnapshot after,
                                             ReadRules rules) throws SQLException {
        for (CatalogSnapshot.Change change : changes) {
            CatalogSnapshot.Key key = change.key();
            if (change.action() == CatalogSnapshot.Change.Action.DROPPED || !isStored(key)) {
                continue;
            }
            if (key.kind().equals("macro") && rules.macroNameProblem(key.name()).isPresent()) {
                return Optional.of("Rolled back: " + rules.macroNameProblem(key.name()).get());
            }
            for (String definition : after.definitions(key)) {
                Optional<String> problem = ReadCheck.refusal(parser, parts(key, definition), rules);
                if (problem.isPresent()) {
                    return Optional.of("Rolled back: the " + key.kind() + " " + key.name() + " DuckDB stored would "
                            + "break the sandbox. " + problem.get());
                }
            }
        }
        return Optional.empty();
    }

    Optional<String> rebindProblem(List<CatalogSnapshot.Change> changes, CatalogSnapshot after) throws SQLException {
        Set<String> changed = new HashSet<>();
        changes.forEach(change -> changed.add(lower(change.key().name())));
        List<CatalogSnapshot.Key> affected = dependents(changed, after);
        for (CatalogSnapshot.Key view : affected) {
            try (PreparedStatement bind = connection.prepareStatement("SELECT * FROM " + Sql.identifier(database)
                    + ".main." + Sql.identifier(view.name()))) {
                bind.getMetaData();
            } catch (SQLException e) {
                String message = Sql.shortMessage(e);
                if (message.contains("Permission Error") || message.contains("disabled by configuration")) {
                    return Optional.of("Rolled back: after this change the view " + view.name() + " would read "
                            + "outside the workspace (" + message + "). Views and macros may read only the "
                            + "workspace's tables and views.");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The stored views using a name in {@code names}, directly or through other stored views and macros (macros
     * only when the snapshot lists them: it does for macro statements, which are what change them). The changed
     * views themselves are not among them: DuckDB bound each as it was created.
     */
    private List<CatalogSnapshot.Key> dependents(Set<String> names, CatalogSnapshot after) {
        Set<String> reached = new HashSet<>(names);
        Set<CatalogSnapshot.Key> visited = new HashSet<>();
        List<CatalogSnapshot.Key> views = new ArrayList<>();
        List<CatalogSnapshot.Key> candidates = after.viewsAndMacros().stream().filter(this::isStored).toList();
        for (CatalogSnapshot.Key key : candidates) {
            if (names.contains(lower(key.name()))) {
                visited.add(key);
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (CatalogSnapshot.Key key : candidates) {
                if (!visited.contains(key) && uses(after.definitions(key), reached)) {
                    visited.add(key);
                    reached.add(lower(key.name()));
                    if (key.kind().equals("view")) {
                        views.add(key);
                    }
                    grew = true;
                }
            }
        }
        return views;
    }

    private static boolean uses(List<String> definitions, Set<String> names) {
        for (String definition : definitions) {
            try {
                for (SqlToken token : SqlLexer.tokenize(definition)) {
                    if (token.isIdentifier() && names.contains(lower(token.value()))) {
                        return true;
                    }
                }
            } catch (RuntimeException unreadable) {
                // A definition the lexer cannot read is bound anyway: binding is the check that matters.
                return true;
            }
        }
        return false;
    }

    static QueryParts parts(CatalogSnapshot.Key key, String definition) {
        if (key.kind().equals("view")) {
            return QueryParts.of(definition, StatementKind.CREATE_VIEW);
        }
        int colon = definition.indexOf(':');
        return QueryParts.ofStoredMacro(definition.substring(colon + 1), definition.startsWith("table_macro:"));
    }

    private boolean isStored(CatalogSnapshot.Key key) {
        return key.database().equals(database) && key.schema().equals("main");
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
