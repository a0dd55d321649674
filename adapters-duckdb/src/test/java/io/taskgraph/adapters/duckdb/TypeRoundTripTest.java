package io.taskgraph.adapters.duckdb;

import static io.taskgraph.adapters.duckdb.Fixtures.SALES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.port.TaskSession;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.sql.Namespace;
import io.taskgraph.domain.sql.StatementResult;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Types survive ingestion from every format, and reach the agent as sensible JSON. */
class TypeRoundTripTest {
    private static final List<Column> PEOPLE = List.of(new Column("id", "BIGINT"), new Column("score", "DOUBLE"),
            new Column("name", "VARCHAR"), new Column("active", "BOOLEAN"), new Column("day", "DATE"),
            new Column("at", "TIMESTAMP"), new Column("price", "DECIMAL(18,2)"), new Column("tags", "VARCHAR[]"),
            new Column("address", "STRUCT(city VARCHAR, zip INTEGER)"));

    @TempDir
    Path dir;
    private Workspace workspace;

    @BeforeEach
    void open() {
        workspace = new DuckDbEngine().create(dir.resolve("out.db"), false);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void declaredNdjsonTypesSurviveIngestionAndTheToolJson() {
        workspace.ingest("people", Fixtures.ndjson(dir, "people", PEOPLE,
                "{\"id\":1,\"score\":1.5,\"name\":\"Ann \\\"A\\\"\",\"active\":true,\"day\":\"2024-02-29\","
                        + "\"at\":\"2024-02-29 13:45:07.25\",\"price\":1234.56,\"tags\":[\"a\",\"b\"],"
                        + "\"address\":{\"city\":\"Oslo\",\"zip\":150}}",
                "{\"id\":9007199254740993,\"score\":-0.1,\"name\":\"Ünïcødé\",\"active\":false,\"day\":\"1999-12-31\","
                        + "\"at\":\"1999-12-31 23:59:59\",\"price\":-0.05,\"tags\":[],\"address\":{\"city\":null,\"zip\":null}}",
                "{\"id\":null,\"score\":null,\"name\":null,\"active\":null,\"day\":null,\"at\":null,\"price\":null,"
                        + "\"tags\":null,\"address\":null}"));

        List<Column> described = workspace.describe("people").orElseThrow().columns();
        assertEquals(new Column("_row_id", "INTEGER"), described.get(0));
        assertEquals(PEOPLE, described.subList(1, described.size()));

        workspace.restrictExternalAccess();
        try (TaskSession session = workspace.openTaskSession("sales",
                new Namespace("sales", List.of("sales_summary"), List.of("people")))) {
            StatementResult result = session.execute("SELECT * EXCLUDE (_row_id) FROM people ORDER BY _row_id");
            assertTrue(result.success(), result.toolJson());
            assertTrue(result.toolJson().contains(",1234.56,") && result.toolJson().contains(",-0.05,"),
                    "decimals are JSON numbers: " + result.toolJson());
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("city", null);
            address.put("zip", null);
            assertEquals(List.of(
                    List.of(1L, 1.5, "Ann \"A\"", true, "2024-02-29", "2024-02-29T13:45:07.25", 1234.56,
                            List.of("a", "b"), Map.of("city", "Oslo", "zip", 150L)),
                    List.of(9007199254740993L, -0.1, "Ünïcødé", false, "1999-12-31", "1999-12-31T23:59:59", -0.05,
                            List.of(), address),
                    Arrays.asList(null, null, null, null, null, null, null, null, null)),
                    Fixtures.json(result).get("rows"));
        }
    }

    @Test
    void otherDuckDbTypesReachTheAgentAsText() {
        workspace.restrictExternalAccess();
        try (TaskSession session = workspace.openTaskSession("sales", SALES)) {
            StatementResult result = session.execute("SELECT "
                    + "'6f1c1e1e-8b2a-4c1e-9a53-2f3a4b5c6d7e'::UUID AS id, '\\xAA\\x01'::BLOB AS bytes, "
                    + "170141183460469231731687303715884105727::HUGEINT AS huge, TIME '01:02:03.5' AS t, "
                    + "INTERVAL 3 DAY AS span, 'b'::ENUM('a', 'b') AS mood, MAP {'k': 1} AS m, "
                    + "[[1, 2], [3]] AS nested, [{'x': DATE '2024-01-01'}] AS structs, 2.5::FLOAT AS f, "
                    + "3::TINYINT AS tiny, 'NaN'::DOUBLE AS nan, TIMESTAMPTZ '2024-01-02 03:04:05+00' AS tz");
            assertTrue(result.success(), result.toolJson());
            List<?> row = (List<?>) ((List<?>) Fixtures.json(result).get("rows")).get(0);
            assertEquals(List.of("6f1c1e1e-8b2a-4c1e-9a53-2f3a4b5c6d7e", "aa01",
                    new java.math.BigInteger("170141183460469231731687303715884105727"), "01:02:03.5", "3 days", "b",
                    Map.of("k", 1L), List.of(List.of(1L, 2L), List.of(3L)), List.of(Map.of("x", "2024-01-01")), 2.5,
                    3L, "NaN"), row.subList(0, 12));
            assertEquals(OffsetDateTime.parse("2024-01-02T03:04:05Z").toInstant(),
                    OffsetDateTime.parse((String) row.get(12)).toInstant());
        }
    }

    @Test
    void parquetKeepsItsTypes() {
        Path parquet = dir.resolve("people.parquet");
        Fixtures.plainDuckDb(null, "COPY (SELECT 1::BIGINT AS id, 2.5::DOUBLE AS score, 'x' AS name, true AS active, "
                + "DATE '2024-01-02' AS day, TIMESTAMP '2024-01-02 03:04:05' AS at, 12.34::DECIMAL(10,2) AS price, "
                + "['a'] AS tags, {'city': 'Oslo', 'zip': 150} AS address "
                + "UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL) TO '" + parquet + "' (FORMAT parquet)");

        assertEquals(2, workspace.ingest("people", Fixtures.source(parquet, SourceFormat.PARQUET, List.of())));

        assertEquals(List.of(new Column("_row_id", "INTEGER"), new Column("id", "BIGINT"), new Column("score", "DOUBLE"),
                new Column("name", "VARCHAR"), new Column("active", "BOOLEAN"), new Column("day", "DATE"),
                new Column("at", "TIMESTAMP"), new Column("price", "DECIMAL(10,2)"), new Column("tags", "VARCHAR[]"),
                new Column("address", "STRUCT(city VARCHAR, zip INTEGER)")),
                workspace.describe("people").orElseThrow().columns());
        assertEquals(List.of(List.of(1, 1L, 2.5, "x", true, "2024-01-02", "2024-01-02T03:04:05",
                        new java.math.BigDecimal("12.34"), List.of("a"), Map.of("city", "Oslo", "zip", 150)),
                Arrays.asList(2, null, null, null, null, null, null, null, null, null)),
                workspace.query("SELECT * FROM people ORDER BY _row_id").rows());
    }

    @Test
    void jsonTypesAreInferred() {
        Path json = dir.resolve("people.json");
        Fixtures.write(json, "[{\"id\": 1, \"score\": 1.5, \"name\": \"a\", \"active\": true, \"day\": \"2024-01-02\"},\n"
                + " {\"id\": 2, \"score\": null, \"name\": \"b\", \"active\": false, \"day\": \"2024-01-03\"}]");

        assertEquals(2, workspace.ingest("people", Fixtures.source(json, SourceFormat.JSON, List.of())));

        assertEquals(List.of(new Column("_row_id", "INTEGER"), new Column("id", "BIGINT"), new Column("score", "DOUBLE"),
                new Column("name", "VARCHAR"), new Column("active", "BOOLEAN"), new Column("day", "DATE")),
                workspace.describe("people").orElseThrow().columns());
    }

    @Test
    void ndjsonWithoutDeclaredColumnsIsInferred() {
        workspace.ingest("events", Fixtures.ndjson(dir, "events", List.of(),
                "{\"id\": 1, \"kind\": \"open\", \"at\": \"2024-05-01 10:00:00\"}",
                "{\"id\": 2, \"kind\": \"close\", \"at\": \"2024-05-01 11:30:00\"}"));

        assertEquals(List.of(new Column("_row_id", "INTEGER"), new Column("id", "BIGINT"), new Column("kind", "VARCHAR"),
                new Column("at", "TIMESTAMP")), workspace.describe("events").orElseThrow().columns());
        assertEquals(List.of(List.of(1, 1L, "open", "2024-05-01T10:00:00"), List.of(2, 2L, "close", "2024-05-01T11:30:00")),
                workspace.query("SELECT * FROM events ORDER BY _row_id").rows());
    }

    @Test
    void declaredColumnsOfOtherFormatsAreCastAndOrderedAsDeclared() {
        Path csv = dir.resolve("rates.csv");
        Fixtures.write(csv, "rate,ccy,since\n1.10,USD,2024-01-01\n0.92,EUR,2023-06-30\n");

        workspace.ingest("rates", Fixtures.source(csv, SourceFormat.CSV, List.of(new Column("ccy", "VARCHAR"),
                new Column("rate", "DECIMAL(6,3)"), new Column("since", "DATE"))));

        assertEquals(List.of(new Column("_row_id", "INTEGER"), new Column("ccy", "VARCHAR"),
                new Column("rate", "DECIMAL(6,3)"), new Column("since", "DATE")),
                workspace.describe("rates").orElseThrow().columns());
        assertEquals(List.of(List.of(1, "USD", new java.math.BigDecimal("1.100"), "2024-01-01"),
                List.of(2, "EUR", new java.math.BigDecimal("0.920"), "2023-06-30")),
                workspace.query("SELECT * FROM rates ORDER BY _row_id").rows());
    }
}
