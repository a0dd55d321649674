package io.taskgraph.adapters.cli.inspect;

import io.taskgraph.adapters.cli.progress.Style;
import io.taskgraph.application.progress.Readable;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A result as an aligned table for reading in a terminal: the first {@code maxRows} rows (all when 0), each value
 * on one line, numbers right-aligned, NULL marked, columns narrowed (widest first) until the table fits
 * {@code width}, and the columns that still do not fit named below it; then how many rows there are. The rows
 * past {@code maxRows} are counted, not kept.
 */
final class ResultTable implements ResultPrinter {
    static final int MIN_COLUMN = 8;
    static final int MAX_COLUMN = 60;
    private static final String NULL = "NULL";

    private final PrintStream out;
    private final Style style;
    private final int width;
    private final int maxRows;
    private List<String> columns = List.of();
    private final List<List<Object>> shown = new ArrayList<>();

    ResultTable(PrintStream out, Style style, int width, int maxRows) {
        this.out = out;
        this.style = style;
        this.width = width;
        this.maxRows = maxRows;
    }

    @Override
    public void columns(List<String> names) {
        columns = List.copyOf(names);
    }

    @Override
    public void row(List<Object> values) {
        if (maxRows == 0 || shown.size() < maxRows) {
            shown.add(values);
        }
    }

    @Override
    public void finish(long rows) {
        if (columns.isEmpty()) {
            out.println("Done (the statement returns no rows).");
            out.flush();
            return;
        }
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> row : shown) {
            cells.add(row.stream().map(this::oneLine).toList());
        }
        int[] widths = fit(cells);
        int visible = visibleColumns(widths);
        String separator = style.symbol(" │ ", " | ");
        StringBuilder header = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < visible; c++) {
            if (c > 0) {
                header.append(separator);
                rule.append(style.symbol("─┼─", "-+-"));
            }
            header.append(pad(cut(columns.get(c), widths[c]), widths[c], numeric(c)));
            rule.append(style.symbol("─", "-").repeat(widths[c]));
        }
        out.println(style.bold(header.toString().stripTrailing()));
        out.println(style.dim(rule.toString()));
        for (int r = 0; r < cells.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < visible; c++) {
                if (c > 0) {
                    line.append(separator);
                }
                String text = pad(cut(cells.get(r).get(c), widths[c]), widths[c], shown.get(r).get(c) instanceof Number);
                line.append(shown.get(r).get(c) == null ? style.dim(text) : text);
            }
            out.println(line.toString().stripTrailing());
        }
        out.println(style.dim(footer(rows, visible)));
        out.flush();
    }

    private String footer(long rows, int visible) {
        StringBuilder footer = new StringBuilder(Readable.count(rows, "row", "rows"));
        if (rows > shown.size()) {
            footer.append(" (the first ").append(shown.size()).append(" shown; --max-rows 0 shows all, --format csv "
                    + "prints every row)");
        }
        if (visible < columns.size()) {
            int hidden = columns.size() - visible;
            footer.append("; ").append(Readable.count(hidden, "more column", "more columns")).append(" not shown: ")
                    .append(String.join(", ", columns.subList(visible, columns.size())))
                    .append(" (select fewer columns, or use --format csv)");
        }
        return footer.append('.').toString();
    }

    /** Natural widths, capped; then the widest narrowed one character at a time until the table fits. */
    private int[] fit(List<List<String>> cells) {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            int natural = columns.get(c).length();
            for (List<String> row : cells) {
                natural = Math.max(natural, row.get(c).length());
            }
            widths[c] = Math.min(MAX_COLUMN, natural);
        }
        while (total(widths, widths.length) > width) {
            int widest = 0;
            for (int c = 1; c < widths.length; c++) {
                widest = widths[c] > widths[widest] ? c : widest;
            }
            if (widths[widest] <= MIN_COLUMN) {
                break;
            }
            widths[widest]--;
        }
        return widths;
    }

    /** How many columns, from the left, fit the width (at least one). */
    private int visibleColumns(int[] widths) {
        int visible = widths.length;
        while (visible > 1 && total(widths, visible) > width) {
            visible--;
        }
        return visible;
    }

    private static int total(int[] widths, int columns) {
        int sum = Math.max(0, columns - 1) * 3;
        for (int c = 0; c < columns; c++) {
            sum += widths[c];
        }
        return sum;
    }

    private boolean numeric(int column) {
        return !shown.isEmpty() && shown.stream().allMatch(row -> row.get(column) == null || row.get(column) instanceof Number)
                && shown.stream().anyMatch(row -> row.get(column) instanceof Number);
    }

    /** Line breaks shown as a mark, so one row stays one line. */
    private String oneLine(Object value) {
        String text = CellText.of(value);
        return text == null ? NULL : text.replaceAll("\\R", style.symbol("↵", " ")).replace('\t', ' ');
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "…";
    }

    private static String pad(String text, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - text.length()));
        return right ? fill + text : text + fill;
    }
}
