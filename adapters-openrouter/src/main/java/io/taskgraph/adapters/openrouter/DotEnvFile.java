package io.taskgraph.adapters.openrouter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code .env} file: {@code KEY=VALUE} lines, an optional {@code export } prefix, single or double quotes around
 * the value, blank lines and {@code #} comments (also after an unquoted value). Nothing is expanded.
 */
final class DotEnvFile {
    private DotEnvFile() {
    }

    /** The variables of {@code file}, or none when it does not exist. */
    static Map<String, String> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static Map<String, String> parse(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ") || line.startsWith("export\t")) {
                line = line.substring("export".length()).strip();
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String key = line.substring(0, equals).strip();
            values.put(key, value(line.substring(equals + 1).strip()));
        }
        return values;
    }

    private static String value(String text) {
        if (text.length() >= 2) {
            char quote = text.charAt(0);
            if ((quote == '"' || quote == '\'')) {
                int close = text.indexOf(quote, 1);
                if (close > 0) {
                    return text.substring(1, close);
                }
            }
        }
        int comment = text.indexOf(" #");
        return (comment >= 0 ? text.substring(0, comment) : text).strip();
    }
}
