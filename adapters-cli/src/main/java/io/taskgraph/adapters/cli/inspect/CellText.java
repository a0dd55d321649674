package io.taskgraph.adapters.cli.inspect;

import io.taskgraph.domain.json.Json;

/** A result value as text: strings as they are, nested values as JSON, numbers as written, null as null. */
final class CellText {
    private CellText() {
    }

    /** {@code null} for SQL NULL: each format shows it its own way. */
    static String of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d.toString();
        }
        return Json.write(value);
    }
}
