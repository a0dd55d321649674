package io.taskgraph.adapters.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.sql.StatementResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Prefixes that overlap, in both directions: task {@code up} outputs {@code down_table}, which task {@code down}'s
 * prefix also matches; task {@code x}'s prefix covers task {@code x_y}'s names. A name belongs to the task declaring
 * it, else to the longest prefix, and no task can create, replace or drop another's, however it spells the name.
 */
class NamespaceCollisionTest {
    @TempDir
    Path dir;
    private SandboxWorkspace sandbox;

    @BeforeEach
    void open() {
        sandbox = new SandboxWorkspace(dir, DuckDbSettings.defaults());
    }

    @AfterEach
    void close() {
        sandbox.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            down | CREATE OR REPLACE VIEW down_table AS SELECT 666 AS id
            down | CREATE OR REPLACE VIEW DOWN_TABLE AS SELECT 666 AS id
            down | CREATE OR REPLACE VIEW "Down_Table" AS SELECT 666 AS id
            down | CREATE OR REPLACE VIEW main.down_table AS SELECT 666 AS id
            down | DROP VIEW down_table
            down | CREATE OR REPLACE TEMP VIEW down_table AS SELECT 666 AS id
            x    | CREATE OR REPLACE VIEW x_y_report AS SELECT 666 AS id
            x    | CREATE VIEW x_y_extra AS SELECT 666 AS id
            x    | CREATE VIEW "X_Y_EXTRA" AS SELECT 666 AS id
            x    | CREATE MACRO x_y_m() AS 666
            x    | DROP VIEW IF EXISTS x_y_report
            x_y  | CREATE VIEW x_report AS SELECT 666 AS id
            sales | CREATE VIEW orders AS SELECT 666 AS id
            sales | CREATE VIEW _trace AS SELECT 666 AS id
            """)
    void aTaskCannotTouchANameAnotherTaskOwns(String task, String sql) {
        StatementResult result = sandbox.one(task, sql);

        assertFalse(result.success(), () -> sql + " -> " + result.toolJson());
        assertTrue(result.error().contains("is outside the namespace of task '" + task + "'"), result.error());
        assertEquals(List.of(List.of(1)), sandbox.workspace().query("SELECT id FROM down_table").rows());
        assertEquals(List.of(List.of(1)), sandbox.workspace().query("SELECT id FROM x_y_report").rows());
        sandbox.assertCleanForAStockDuckDb();
    }

    @Test
    void theRefusalSaysWhoOwnsTheName() {
        StatementResult result = sandbox.one("down", "CREATE OR REPLACE VIEW down_table AS SELECT 666 AS id");

        assertTrue(result.error().startsWith("CREATE VIEW down_table is outside the namespace of task 'down': it is an "
                + "output of task 'up', and task 'down' may only create or drop views and macros named down_report or "
                + "names starting with down_ (except down_table (an output of task up))."), result.error());
    }

    @Test
    void eachTaskKeepsTheNamesThatAreItsOwn() {
        sandbox.succeed("down", "CREATE VIEW down_helper AS SELECT 1 AS a", "CREATE VIEW down_report AS SELECT 2 AS a");
        sandbox.succeed("x", "CREATE VIEW x_helper AS SELECT 1 AS a", "CREATE VIEW x_report AS SELECT 2 AS a");
        sandbox.succeed("x_y", "CREATE VIEW x_y_extra AS SELECT 1 AS a", "CREATE OR REPLACE VIEW x_y_report AS SELECT 1 AS id");
        sandbox.succeed("up", "CREATE OR REPLACE VIEW down_table AS SELECT 1 AS id");

        assertTrue(sandbox.workspace().views().containsAll(List.of("down_helper", "down_report", "x_helper", "x_report",
                "x_y_extra", "x_y_report", "down_table")));
        sandbox.assertCleanForAStockDuckDb();
    }
}
