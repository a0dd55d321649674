package io.taskgraph.application.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.testing.Diamond;
import io.taskgraph.application.testing.RunFixture;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.sql.RowSink;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class QueryWorkspaceTest {
    @TempDir
    Path dir;

    private RunFixture f;
    private QueryWorkspace query;
    private final List<String> columns = new ArrayList<>();
    private final List<List<Object>> rows = new ArrayList<>();
    private final RowSink sink = new RowSink() {
        @Override
        public void columns(List<String> names) {
            columns.addAll(names);
        }

        @Override
        public void row(List<Object> values) {
            rows.add(values);
        }
    };

    @BeforeEach
    void diamondRun() {
        f = new RunFixture(dir).module(Diamond.spec().build()).script(Diamond.script());
        f.run(Diamond.MODULE, "out.db");
        query = new QueryWorkspace(f.engine);
    }

    @Test
    void oneStatementGivesItsColumnsAndRows() {
        long count = query.query(f.path("out.db"), "SELECT revenue, cost, profit FROM profit_report;", sink);

        assertEquals(1, count);
        assertEquals(List.of("revenue", "cost", "profit"), columns);
        assertEquals(List.of(List.of(new BigDecimal("21.75"), new BigDecimal("5.50"), new BigDecimal("16.25"))), rows);
    }

    @Test
    void statementsThatWouldWriteFailWithTheDatabasesMessageAndTheFileStaysAsItWas() throws Exception {
        byte[] before = Files.readAllBytes(f.path("out.db"));
        for (String write : List.of("DROP VIEW profit_report", "INSERT INTO products VALUES (9, 'x', 'y')",
                "CREATE TABLE t AS SELECT 1", "COPY products TO '" + dir.resolve("leak.csv") + "'",
                "ATTACH '" + dir.resolve("other.db") + "' AS other")) {
            UsageException refused = assertThrows(UsageException.class, () -> query.query(f.path("out.db"), write, sink),
                    write);
            assertTrue(refused.getMessage().contains("read-only") || refused.getMessage().contains("disabled"),
                    write + ": " + refused.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(f.path("out.db")));
        assertFalse(Files.exists(f.path("out.db.wal")));
        assertFalse(Files.exists(dir.resolve("leak.csv")));
        assertFalse(Files.exists(dir.resolve("other.db")));
    }

    @Test
    void aBadStatementFailsWithTheDatabasesOwnMessage() {
        UsageException bad = assertThrows(UsageException.class,
                () -> query.query(f.path("out.db"), "SELECT nope FROM profit_report", sink));
        assertTrue(bad.getMessage().startsWith("Binder Error: Referenced column \"nope\" not found"), bad.getMessage());
        UsageException unclosed = assertThrows(UsageException.class,
                () -> query.query(f.path("out.db"), "SELECT 'unclosed", sink));
        assertTrue(unclosed.getMessage().startsWith("Parser Error: unterminated string literal"), unclosed.getMessage());
    }

    @Test
    void severalStatementsOrNoneAreRefusedBeforeAnythingRuns() {
        UsageException two = assertThrows(UsageException.class,
                () -> query.query(f.path("out.db"), "SELECT 1; SELECT 2", sink));
        assertTrue(two.getMessage().contains("holds 2 statements") && two.getMessage().contains("SELECT 1"),
                two.getMessage());
        UsageException none = assertThrows(UsageException.class, () -> query.query(f.path("out.db"), " ; -- x\n", sink));
        assertTrue(none.getMessage().contains("no statement"), none.getMessage());
        UsageException blank = assertThrows(UsageException.class, () -> query.query(f.path("out.db"), "  ", sink));
        assertTrue(blank.getMessage().contains("standard input"), blank.getMessage());
        assertEquals(List.of(), columns);
    }

    @Test
    void aMissingFileIsNamedAndNotCreated() {
        WorkspaceException missing = assertThrows(WorkspaceException.class,
                () -> query.query(f.path("nope.db"), "SELECT 1", sink));
        assertTrue(missing.getMessage().contains("nope.db") && missing.getMessage().contains("does not exist"),
                missing.getMessage());
        assertFalse(Files.exists(f.path("nope.db")));
    }
}
