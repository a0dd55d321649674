package io.taskgraph.adapters.cli.command;

import io.taskgraph.domain.workbook.CellRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Cells of a sheet as a plain-text table a person can read in a terminal: column letters across the top, row
 * numbers down the side, every column as wide as its widest cell (long text cut short, line breaks shown as spaces).
 */
final class CellGrid {
    static final int MAX_CELL_WIDTH = 40;

    private CellGrid() {
    }

    /** {@code cells} are the rows of {@code range}, top to bottom, each with one text per column. */
    static String render(List<List<String>> cells, CellRange range) {
        int columns = range.columnCount();
        List<String> header = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            header.add(CellRange.columnName(range.firstColumn() + c));
        }
        List<List<String>> body = new ArrayList<>();
        for (List<String> row : cells) {
            body.add(row.stream().map(CellGrid::shown).toList());
        }
        int numberWidth = String.valueOf(range.lastRow()).length();
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : body) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, " ".repeat(numberWidth), header, widths);
        out.append("-".repeat(numberWidth + 1));
        for (int width : widths) {
            out.append("+").append("-".repeat(width + 2));
        }
        out.append('\n');
        for (int r = 0; r < body.size(); r++) {
            line(out, pad(String.valueOf(range.firstRow() + r), numberWidth, true), body.get(r), widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String label, List<String> values, int[] widths) {
        StringBuilder line = new StringBuilder(label).append(' ');
        for (int c = 0; c < values.size(); c++) {
            line.append("| ").append(pad(values.get(c), widths[c], false)).append(' ');
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** One line of at most {@link #MAX_CELL_WIDTH} characters. */
    static String shown(String text) {
        String flat = text.replaceAll("[\\r\\n\\t]+", " ");
        return flat.length() <= MAX_CELL_WIDTH ? flat : flat.substring(0, MAX_CELL_WIDTH - 3) + "...";
    }

    private static String pad(String text, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - text.length()));
        return right ? fill + text : text + fill;
    }
}
