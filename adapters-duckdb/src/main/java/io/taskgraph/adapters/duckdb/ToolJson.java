package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.json.Json;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * The {@code run_sql} tool results, written straight into one buffer: {@code {"success":true,"columns":[..],
 * "rows":[[..]],"row_count":n}} for queries, {@code {"success":true,"message":".."}} for statements,
 * {@code {"success":false,"error":".."}} for failures. A query result is cut off as soon as its JSON passes the
 * limit, so a huge result is never read, only refused.
 */
final class ToolJson {
    private ToolJson() {
    }

    /** What reading a query's rows produced: the JSON when it fit, else how far it got. */
    record Rows(String json, long rowCount, boolean tooLarge, boolean timedOut) {
    }

    /** Reads rows until the result ends, its JSON passes {@code limitChars}, or {@code deadlineNanos} passes. */
    static Rows rows(ResultSet rs, int limitChars, long deadlineNanos) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        JdbcValues.ColumnReader[] readers = JdbcValues.readers(meta);
        StringBuilder out = new StringBuilder(256);
        out.append("{\"success\":true,\"columns\":[");
        for (int i = 1; i <= readers.length; i++) {
            if (i > 1) {
                out.append(',');
            }
            Json.quote(meta.getColumnLabel(i), out);
        }
        out.append("],\"rows\":[");
        long count = 0;
        while (rs.next()) {
            if (count > 0) {
                out.append(',');
            }
            out.append('[');
            for (int i = 0; i < readers.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                Json.write(readers[i].read(rs), out);
            }
            out.append(']');
            count++;
            if (out.length() > limitChars) {
                return new Rows(null, count, true, false);
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                return new Rows(null, count, false, true);
            }
        }
        out.append("],\"row_count\":").append(count).append('}');
        if (out.length() > limitChars) {
            return new Rows(null, count, true, false);
        }
        return new Rows(out.toString(), count, false, false);
    }

    static String message(String message) {
        StringBuilder out = new StringBuilder(message.length() + 32);
        out.append("{\"success\":true,\"message\":");
        Json.quote(message, out);
        return out.append('}').toString();
    }

    static String error(String error) {
        StringBuilder out = new StringBuilder(error.length() + 32);
        out.append("{\"success\":false,\"error\":");
        Json.quote(error, out);
        return out.append('}').toString();
    }

    static String tooLargeMessage(int limitChars, long rowsRead) {
        return "The result is too large to return: its JSON passed " + limitChars + " characters after " + rowsRead
                + (rowsRead == 1 ? " row" : " rows") + ", so it was not sent. Add LIMIT (e.g. LIMIT 50), select fewer "
                + "columns, or aggregate to narrow the query.";
    }
}
