package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.run.RunDefaults;
import io.taskgraph.domain.sql.Namespace;
import io.taskgraph.domain.sql.StatementPolicy;
import io.taskgraph.domain.sql.StatementVerdict;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * How the engine treats agent SQL: the per-statement timeout, the size limit of a result's JSON, and the
 * statement policy consulted first. The defaults are the product's ({@link RunDefaults}, which the agents'
 * instructions quote, and the domain's {@link StatementPolicy}); tests shorten the timeout, and replace the policy
 * to prove that the engine's own catalog guard holds even when the policy lets a statement through.
 */
public record DuckDbSettings(
        Duration statementTimeout,
        int resultLimitChars,
        BiFunction<String, Namespace, StatementVerdict> policy) {

    public DuckDbSettings {
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(policy, "policy");
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("statementTimeout must be positive, got " + statementTimeout);
        }
        if (resultLimitChars < 100) {
            throw new IllegalArgumentException("resultLimitChars must be at least 100, got " + resultLimitChars);
        }
    }

    public static DuckDbSettings defaults() {
        return new DuckDbSettings(RunDefaults.STATEMENT_TIMEOUT, RunDefaults.RESULT_LIMIT_CHARS, StatementPolicy::evaluate);
    }

    public DuckDbSettings withStatementTimeout(Duration timeout) {
        return new DuckDbSettings(timeout, resultLimitChars, policy);
    }

    public DuckDbSettings withResultLimitChars(int limit) {
        return new DuckDbSettings(statementTimeout, limit, policy);
    }

    public DuckDbSettings withPolicy(BiFunction<String, Namespace, StatementVerdict> replacement) {
        return new DuckDbSettings(statementTimeout, resultLimitChars, replacement);
    }
}
