package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.sql.Namespace;
import io.taskgraph.domain.sql.QueryParts;
import io.taskgraph.domain.sql.ReadRules;
import io.taskgraph.domain.sql.StatementKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The read sandbox of one task session, on top of the statement policy and the catalog guard: the read rules on
 * each statement before it runs ({@link SandboxLayer#STATEMENT_READS}), and after a CREATE or DROP, inside its
 * transaction, the stored definitions and the dependent views ({@link ChangeChecks}). It remembers the session's
 * temporary objects, which stored views and macros may not use. Used by one caller at a time, like its session.
 */
final class SessionSandbox {
    private final DuckDbSettings settings;
    private final QueryParser parser;
    private final ReadRules rules;
    private final ChangeChecks changeChecks;
    private final Set<String> temporaryObjects = new HashSet<>();

    SessionSandbox(Namespace namespace, Connection connection, String database, DuckDbSettings settings)
            throws SQLException {
        this.settings = settings;
        this.parser = new QueryParser(connection);
        this.rules = ReadRules.forTask(namespace, database, BuiltinFunctions.names(connection));
        this.changeChecks = new ChangeChecks(connection, parser, database);
    }

    /** Prepares what checking a statement needs now rather than at the first statement. */
    void prepare() throws SQLException {
        parser.prepare();
    }

    boolean isPrepared() throws SQLException {
        return parser.isPrepared();
    }

    /** Why the read rules refuse the statement the policy allowed as {@code kind}; empty when they pass. */
    Optional<String> statementRefusal(String sql, StatementKind kind, String objectName) throws SQLException {
        if (!settings.has(SandboxLayer.STATEMENT_READS)) {
            return Optional.empty();
        }
        if (kind == StatementKind.CREATE_MACRO && objectName != null) {
            Optional<String> shadowing = rules.macroNameProblem(objectName);
            if (shadowing.isPresent()) {
                return shadowing;
            }
        }
        return ReadCheck.refusal(parser, QueryParts.of(sql, kind), rules);
    }

    /** Why the catalog {@code changes} (seen in {@code after}) may not be kept; empty when they may. */
    Optional<String> changeProblem(List<CatalogSnapshot.Change> changes, CatalogSnapshot after) throws SQLException {
        Optional<String> unsafe = settings.has(SandboxLayer.STORED_DEFINITIONS)
                ? changeChecks.storedDefinitionProblem(changes, after, rules.forStoredObjectOf(temporaryObjects))
                : Optional.empty();
        if (unsafe.isEmpty() && settings.has(SandboxLayer.REBIND_DEPENDENTS)) {
            unsafe = changeChecks.rebindProblem(changes, after);
        }
        return unsafe;
    }

    /** Notes the temporary views and macros that committed {@code changes} created or dropped. */
    void committed(List<CatalogSnapshot.Change> changes) {
        for (CatalogSnapshot.Change change : changes) {
            if (change.key().database().equals("temp")) {
                if (change.action() == CatalogSnapshot.Change.Action.DROPPED) {
                    temporaryObjects.remove(change.key().name());
                } else {
                    temporaryObjects.add(change.key().name());
                }
            }
        }
    }
}
