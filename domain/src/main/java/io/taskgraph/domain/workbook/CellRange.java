package io.taskgraph.domain.workbook;

import io.taskgraph.domain.UsageException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A rectangular A1-style range of a sheet such as {@code B2:D10} (1-based rows, 0-based columns). */
public record CellRange(int firstRow, int lastRow, int firstColumn, int lastColumn) {
    private static final Pattern A1 = Pattern.compile("([A-Za-z]{1,3})([0-9]{1,7})(?::([A-Za-z]{1,3})([0-9]{1,7}))?");

    /** {@code B2:D10}, {@code d10:b2} or one cell ({@code B3}), as a person types it; anything else is refused. */
    public static CellRange parse(String text) {
        Matcher m = A1.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new UsageException("'" + text + "' is not a cell range; write it like A1:D20 (or one cell, like B3).");
        }
        int c1 = columnIndex(m.group(1));
        int r1 = Integer.parseInt(m.group(2));
        int c2 = m.group(3) == null ? c1 : columnIndex(m.group(3));
        int r2 = m.group(4) == null ? r1 : Integer.parseInt(m.group(4));
        if (r1 < 1 || r2 < 1) {
            throw new UsageException("Row numbers in '" + text + "' start at 1.");
        }
        return new CellRange(Math.min(r1, r2), Math.max(r1, r2), Math.min(c1, c2), Math.max(c1, c2));
    }

    private static int columnIndex(String letters) {
        int index = 0;
        for (char ch : letters.toUpperCase(Locale.ROOT).toCharArray()) {
            index = index * 26 + (ch - 'A' + 1);
        }
        return index - 1;
    }

    /** The letters of the column at 0-based {@code index}: 0 is A, 25 is Z, 26 is AA. */
    public static String columnName(int index) {
        StringBuilder name = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            name.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return name.toString();
    }

    public int rowCount() {
        return lastRow - firstRow + 1;
    }

    public int columnCount() {
        return lastColumn - firstColumn + 1;
    }

    public String a1() {
        return columnName(firstColumn) + firstRow + ":" + columnName(lastColumn) + lastRow;
    }
}
