package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.sql.Namespace;
import io.taskgraph.domain.sql.StatementResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small helpers the engine tests share: data files, plain JDBC access, tool JSON. */
final class Fixtures {
    static final Namespace SALES = new Namespace("sales", List.of("sales_summary"), List.of("orders"));
    static final Namespace COSTS = new Namespace("costs", List.of("costs_summary"), List.of("orders"));

    private Fixtures() {
    }

    static TableSource ndjson(Path dir, String name, List<Column> columns, String... lines) {
        Path file = dir.resolve(name + ".ndjson");
        write(file, lines.length == 0 ? "" : String.join("\n", lines) + "\n");
        return new TableSource(file, SourceFormat.NDJSON, columns, Optional.empty(), file.getFileName().toString());
    }

    static TableSource source(Path file, SourceFormat format, List<Column> columns) {
        return new TableSource(file, format, columns, Optional.empty(), file.getFileName().toString());
    }

    /** A workspace with input {@code orders(region, amount)} of two rows, locked down for agent SQL. */
    static Workspace ordersWorkspace(DuckDbEngine engine, Path dir) {
        Workspace workspace = engine.create(dir.resolve("out.db"), false);
        workspace.ingest("orders", ndjson(dir, "orders",
                List.of(new Column("region", "VARCHAR"), new Column("amount", "BIGINT")),
                "{\"region\":\"north\",\"amount\":10}", "{\"region\":\"south\",\"amount\":32}"));
        workspace.restrictExternalAccess();
        return workspace;
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs statements on a plain DuckDB connection: for preparing files, not for the engine under test. */
    static void plainDuckDb(Path database, String... statements) {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:duckdb:" + (database == null ? "" : database.toString()));
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> json(StatementResult result) {
        return Json.parseObject(result.toolJson());
    }
}
