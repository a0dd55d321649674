package io.taskgraph.adapters.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A statement is prepared once, and again only when DuckDB's driver closed it after a failed execution. */
class PreparedStatementsTest {
    @Test
    void aStatementIsPreparedOnceAndAgainAfterItsExecutionFailed() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            PreparedStatements statements = new PreparedStatements(connection);
            PreparedStatement rollback = statements.get("ROLLBACK");
            assertSame(rollback, statements.get("ROLLBACK"));

            assertThrows(SQLException.class, rollback::execute, "no transaction is open");
            assertTrue(rollback.isClosed(), "the driver closes a statement whose execution failed");

            statements.get("BEGIN TRANSACTION").execute();
            statements.get("ROLLBACK").execute();
            PreparedStatement cast = statements.get("SELECT CAST(? AS INTEGER)");
            cast.setString(1, "not a number");
            assertThrows(SQLException.class, cast::executeQuery);
            PreparedStatement again = statements.get("SELECT CAST(? AS INTEGER)");
            again.setString(1, "12");
            try (ResultSet rs = again.executeQuery()) {
                rs.next();
                assertEquals(12, rs.getInt(1));
            }

            statements.close();
            assertTrue(again.isClosed());
        }
    }
}
