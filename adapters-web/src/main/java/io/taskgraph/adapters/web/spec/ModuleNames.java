package io.taskgraph.adapters.web.spec;

import java.util.Optional;
import java.util.regex.Pattern;

/** Dotted Python module names and the relative file paths they come from. */
final class ModuleNames {
    private static final Pattern PART = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ModuleNames() {
    }

    /** {@code specs/sales/main.py -> specs.sales.main}; empty when a part is not a Python identifier. */
    static Optional<String> fromRelativePath(String path) {
        if (!path.endsWith(".py")) {
            return Optional.empty();
        }
        String[] parts = path.substring(0, path.length() - 3).split("/", -1);
        for (String part : parts) {
            if (!PART.matcher(part).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(String.join(".", parts));
    }

    /** {@code specs.sales.main -> specs/sales/main.py}. */
    static String toRelativePath(String module) {
        return module.replace('.', '/') + ".py";
    }
}
