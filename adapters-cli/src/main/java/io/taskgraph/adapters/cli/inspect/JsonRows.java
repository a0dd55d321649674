package io.taskgraph.adapters.cli.inspect;

import io.taskgraph.domain.json.Json;
import java.io.PrintStream;
import java.util.List;

/**
 * A JSON array with one object per row, every row, written as the rows arrive: {@code [\n{"a":1,"b":"x"},\n...\n]}.
 * Values keep their JSON types (numbers, booleans, null, nested lists and objects). Keys are the column names in
 * order; two columns of the same name both appear, as the database named them.
 */
final class JsonRows implements ResultPrinter {
    private static final int CHECK_EVERY = 1000;

    private final PrintStream out;
    private final StringBuilder object = new StringBuilder();
    private List<String> keys = List.of();
    private long rows;

    JsonRows(PrintStream out) {
        this.out = out;
    }

    @Override
    public void columns(List<String> names) {
        keys = names.stream().map(Json::quote).toList();
        out.append('[');
    }

    @Override
    public void row(List<Object> values) {
        object.setLength(0);
        object.append(rows == 0 ? "\n{" : ",\n{");
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                object.append(',');
            }
            object.append(keys.get(i)).append(':');
            Json.write(values.get(i), object);
        }
        out.append(object.append('}'));
        if (++rows % CHECK_EVERY == 0 && out.checkError()) {
            throw new OutputClosed();
        }
    }

    @Override
    public void finish(long count) {
        out.append(rows == 0 ? "]\n" : "\n]\n");
        out.flush();
    }
}
