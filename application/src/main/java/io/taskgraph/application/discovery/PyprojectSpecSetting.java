package io.taskgraph.application.discovery;

import io.taskgraph.domain.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the one setting discovery needs, {@code [tool.taskgraph].spec}, from pyproject.toml text.
 * Not a TOML parser: it understands table headers, {@code key = "value"} lines with basic or literal
 * strings, dotted keys ({@code taskgraph.spec} under {@code [tool]}) and comments, which is all this key
 * is ever written with. Anything else in the file is skipped, so unusual TOML elsewhere cannot break it.
 */
final class PyprojectSpecSetting {
    private PyprojectSpecSetting() {
    }

    /** The value of {@code tool.taskgraph.spec}, if set; {@code fileName} is used in error messages. */
    static Optional<String> read(String toml, String fileName) {
        List<String> table = List.of();
        int lineNumber = 0;
        for (String rawLine : toml.split("\r?\n", -1)) {
            lineNumber++;
            String line = rawLine.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                table = line.startsWith("[[") ? List.of("[[array]]") : header(line);
                continue;
            }
            int equals = keyEnd(line);
            if (equals < 0) {
                continue;
            }
            List<String> key = new ArrayList<>(table);
            key.addAll(dottedKey(line.substring(0, equals)));
            if (key.equals(List.of("tool", "taskgraph", "spec"))) {
                return Optional.of(stringValue(line.substring(equals + 1).strip(), fileName, lineNumber));
            }
        }
        return Optional.empty();
    }

    private static List<String> header(String line) {
        int close = line.indexOf(']');
        return close < 0 ? List.of("[invalid]") : dottedKey(line.substring(1, close));
    }

    /** Index of the {@code =} separating key and value, skipping quoted key parts; -1 when none. */
    private static int keyEnd(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '=') {
                return i;
            }
        }
        return -1;
    }

    private static List<String> dottedKey(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    part.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '.') {
                parts.add(part.toString().strip());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString().strip());
        return parts;
    }

    /** A basic ("...") or literal ('...') string, followed by nothing but an optional comment. */
    private static String stringValue(String text, String fileName, int lineNumber) {
        if (text.isEmpty() || (text.charAt(0) != '"' && text.charAt(0) != '\'')) {
            throw notAString(fileName, lineNumber);
        }
        char quote = text.charAt(0);
        StringBuilder value = new StringBuilder();
        int i = 1;
        boolean closed = false;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c == quote) {
                closed = true;
                break;
            }
            if (c == '\\' && quote == '"' && i < text.length()) {
                char escaped = text.charAt(i++);
                value.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> escaped;
                });
            } else {
                value.append(c);
            }
        }
        String rest = text.substring(i).strip();
        if (!closed || !(rest.isEmpty() || rest.startsWith("#"))) {
            throw notAString(fileName, lineNumber);
        }
        return value.toString().strip();
    }

    private static UsageException notAString(String fileName, int lineNumber) {
        return new UsageException(fileName + " line " + lineNumber + ": [tool.taskgraph] spec must be a quoted "
                + "module name on one line, e.g. spec = \"my_app.specs.main\".");
    }
}
