package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.sql.QueryParts;
import io.taskgraph.domain.sql.ReadRules;
import java.sql.SQLException;
import java.util.Optional;

/** Judges the queries of one statement or stored definition: DuckDB's parser finds the references, the rules judge. */
final class ReadCheck {
    private ReadCheck() {
    }

    /** Why {@code parts} may not run under {@code rules}; empty when they may. */
    static Optional<String> refusal(QueryParser parser, QueryParts parts, ReadRules rules) throws SQLException {
        if (parts.problem().isPresent()) {
            return parts.problem();
        }
        for (QueryParts.Part part : parts.parts()) {
            QueryParser.Parsed parsed = parser.parse(part.sql());
            Optional<String> problem = parsed.ok() ? rules.refusal(parsed.references()) : Optional.of(parsed.problem());
            if (problem.isPresent()) {
                return Optional.of(part.where().equals("this statement") ? problem.get()
                        : "In " + part.where() + ": " + problem.get());
            }
        }
        return Optional.empty();
    }
}
