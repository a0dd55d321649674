package io.taskgraph.adapters.xlsx;

import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.WorkbookReader;
import io.taskgraph.domain.port.contract.WorkbookReaderContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The fastexcel reader passes the port's contract; its tables are read back by plain DuckDB, as the engine reads them. */
class XlsxWorkbookReaderContractTest extends WorkbookReaderContract {
    @Override
    protected WorkbookReader reader() {
        return new XlsxWorkbookReader();
    }

    @Override
    protected List<List<String>> rowsAsText(TableSource table) {
        if (table.format() != SourceFormat.NDJSON) {
            throw new AssertionError("this reader writes NDJSON, not " + table.format());
        }
        try {
            if (Files.size(table.file()) == 0) {
                return List.of();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String columns = table.columns().stream().map(c -> quoted(c.name()) + ": " + quoted(c.sqlType()))
                .collect(Collectors.joining(", ", "{", "}"));
        String values = table.columns().stream().map(Column::name)
                .map(name -> "CAST(\"" + name.replace("\"", "\"\"") + "\" AS VARCHAR)").collect(Collectors.joining(", "));
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT " + values + " FROM read_json(" + quoted(table.file().toString())
                     + ", format = 'newline_delimited', columns = " + columns + ")")) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= table.columns().size(); c++) {
                    row.add(rs.getString(c));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new AssertionError("DuckDB cannot read " + table.file() + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
