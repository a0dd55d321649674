package io.taskgraph.adapters.cli.inspect;

import io.taskgraph.adapters.cli.progress.Style;
import io.taskgraph.domain.UsageException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/** The ways {@code query} prints a result: a table to read, or every row as CSV or JSON for other programs. */
public enum ResultFormat {
    TABLE, CSV, JSON;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResultFormat parse(String text) {
        return Arrays.stream(values()).filter(f -> f.label().equalsIgnoreCase(text.strip())).findFirst()
                .orElseThrow(() -> new UsageException("Unknown format '" + text + "'; use table, csv or json."));
    }

    /** A printer to {@code out}; {@code width} and {@code maxRows} shape the table only. */
    public ResultPrinter printer(PrintStream out, Style style, int width, int maxRows) {
        return switch (this) {
            case TABLE -> new ResultTable(out, style, width, maxRows);
            case CSV -> new CsvRows(out);
            case JSON -> new JsonRows(out);
        };
    }
}
