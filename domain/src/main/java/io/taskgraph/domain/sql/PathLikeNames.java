package io.taskgraph.domain.sql;

/**
 * Names DuckDB may read as files. A table reference DuckDB cannot find in the catalog is handed to its
 * replacement scans, which read {@code FROM 'data.csv'} or {@code FROM "dir/x.parquet"} from disk; a name
 * with a dot, a slash or a glob character is such a file name waiting for the object of that name to disappear.
 * Views and macros may therefore neither be named like this nor refer to such a name.
 */
final class PathLikeNames {
    private static final String PATH_CHARACTERS = "./\\:*?[]{}~";

    private PathLikeNames() {
    }

    static boolean isPathLike(String name) {
        if (name.isBlank()) {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            if (PATH_CHARACTERS.indexOf(name.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
