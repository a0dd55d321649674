package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.run.RunDefaults;
import io.taskgraph.domain.sql.Namespace;
import io.taskgraph.domain.sql.StatementPolicy;
import io.taskgraph.domain.sql.StatementVerdict;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * How the engine treats agent SQL: the per-statement timeout, the size limit of a result's JSON, the statement
 * policy consulted first, the sandbox layers on top of it, and the memory limit of the workspace's DuckDB. The
 * defaults are the product's ({@link RunDefaults}, which the agents' instructions quote, the domain's
 * {@link StatementPolicy}, every layer, the memory of {@link MemoryLimit#forThisMachine}); tests shorten the timeout, and replace the
 * policy or switch layers off to prove that the engine's other guards hold on their own.
 */
public record DuckDbSettings(
        Duration statementTimeout,
        int resultLimitChars,
        BiFunction<String, Namespace, StatementVerdict> policy,
        Set<SandboxLayer> layers,
        MemoryLimit memoryLimit) {

    public DuckDbSettings {
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(memoryLimit, "memoryLimit");
        layers = layers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(layers));
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("statementTimeout must be positive, got " + statementTimeout);
        }
        if (resultLimitChars < 100) {
            throw new IllegalArgumentException("resultLimitChars must be at least 100, got " + resultLimitChars);
        }
    }

    public static DuckDbSettings defaults() {
        return new DuckDbSettings(RunDefaults.STATEMENT_TIMEOUT, RunDefaults.RESULT_LIMIT_CHARS, StatementPolicy::evaluate,
                EnumSet.allOf(SandboxLayer.class), MemoryLimit.forThisMachine());
    }

    public DuckDbSettings withStatementTimeout(Duration timeout) {
        return new DuckDbSettings(timeout, resultLimitChars, policy, layers, memoryLimit);
    }

    public DuckDbSettings withResultLimitChars(int limit) {
        return new DuckDbSettings(statementTimeout, limit, policy, layers, memoryLimit);
    }

    public DuckDbSettings withPolicy(BiFunction<String, Namespace, StatementVerdict> replacement) {
        return new DuckDbSettings(statementTimeout, resultLimitChars, replacement, layers, memoryLimit);
    }

    public DuckDbSettings withLayers(Set<SandboxLayer> enabled) {
        return new DuckDbSettings(statementTimeout, resultLimitChars, policy, enabled, memoryLimit);
    }

    public DuckDbSettings withMemoryLimit(MemoryLimit limit) {
        return new DuckDbSettings(statementTimeout, resultLimitChars, policy, layers, limit);
    }

    boolean has(SandboxLayer layer) {
        return layers.contains(layer);
    }
}
