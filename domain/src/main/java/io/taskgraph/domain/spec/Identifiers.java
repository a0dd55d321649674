package io.taskgraph.domain.spec;

import java.util.regex.Pattern;

/** What counts as a safe SQL identifier for task, input and view names: usable unquoted in DuckDB. */
public final class Identifiers {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Identifiers() {
    }

    public static boolean isSafe(String name) {
        return name != null && SAFE.matcher(name).matches() && name.length() <= 63;
    }
}
