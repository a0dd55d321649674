package io.taskgraph.adapters.cli.inspect;

import java.io.PrintStream;
import java.util.List;

/**
 * RFC 4180 CSV, every row, for pipes and files: a header line, then one line per row; a field with a comma, quote or
 * line break is quoted (quotes doubled); NULL is an empty field; lines end with CRLF as the RFC says.
 */
final class CsvRows implements ResultPrinter {
    private static final int CHECK_EVERY = 1000;

    private final PrintStream out;
    private final StringBuilder line = new StringBuilder();
    private long rows;

    CsvRows(PrintStream out) {
        this.out = out;
    }

    @Override
    public void columns(List<String> names) {
        if (!names.isEmpty()) {
            write(List.copyOf(names));
        }
    }

    @Override
    public void row(List<Object> values) {
        write(values);
        if (++rows % CHECK_EVERY == 0 && out.checkError()) {
            throw new OutputClosed();
        }
    }

    @Override
    public void finish(long count) {
        out.flush();
    }

    private void write(List<?> fields) {
        line.setLength(0);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String text = CellText.of(fields.get(i));
            if (text != null) {
                field(text);
            }
        }
        out.append(line).append("\r\n");
    }

    private void field(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || text.startsWith(" ") || text.endsWith(" ");
        if (quote) {
            line.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else {
            line.append(text);
        }
    }
}
