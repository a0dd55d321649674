package io.taskgraph.domain.sql;

/** The backslash escapes of an {@code E'...'} string literal, as PostgreSQL and DuckDB read them. */
final class BackslashEscapes {
    private BackslashEscapes() {
    }

    /**
     * Appends the character the escape at {@code backslash} stands for and returns the offset after it.
     * Unknown escapes stand for the escaped character itself ({@code \'} is a quote, {@code \\} a backslash,
     * and, as in DuckDB, {@code \u0041} is {@code u0041}).
     */
    static int decode(String sql, int backslash, StringBuilder out) {
        int pos = backslash + 1;
        char c = sql.charAt(pos);
        switch (c) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'x' -> {
                int end = hexEnd(sql, pos + 1, 2);
                if (end == pos + 1) {
                    out.append(c);
                    return pos + 1;
                }
                out.append((char) Integer.parseInt(sql.substring(pos + 1, end), 16));
                return end;
            }
            default -> {
                if (c >= '0' && c <= '7') {
                    int end = pos;
                    while (end < sql.length() && end < pos + 3 && sql.charAt(end) >= '0' && sql.charAt(end) <= '7') {
                        end++;
                    }
                    out.append((char) Integer.parseInt(sql.substring(pos, end), 8));
                    return end;
                }
                out.append(c);
            }
        }
        return pos + 1;
    }

    private static int hexEnd(String sql, int from, int max) {
        int end = from;
        while (end < sql.length() && end < from + max && Character.digit(sql.charAt(end), 16) >= 0) {
            end++;
        }
        return end;
    }
}
