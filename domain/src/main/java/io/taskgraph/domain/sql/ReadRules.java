package io.taskgraph.domain.sql;

import io.taskgraph.domain.sql.SqlReference.Function;
import io.taskgraph.domain.sql.SqlReference.Relation;
import io.taskgraph.domain.sql.SqlReference.Show;
import io.taskgraph.domain.sql.SqlReference.TableFunction;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the queries of agent SQL may read and call, judged on the references DuckDB's parser found in them.
 * Three scopes:
 * <ul>
 *   <li>{@link #forTask}: a statement an agent sends. It may read its declared inputs, its own views and
 *       macros, and the catalog; it may call built-in functions (table functions from a short allow-list) and
 *       its own macros.</li>
 *   <li>{@link #forStoredObjectOf}: a view or macro the statement stored, read back from the catalog: the task's
 *       rules, and it may not use the session's temporary objects, which a later connection would not resolve
 *       the same way.</li>
 *   <li>{@link #forWorkspace}: every stored view and macro of a workspace, whoever wrote it: it may read any
 *       table or view of the workspace and call any macro, and nothing outside the workspace.</li>
 * </ul>
 * In every scope: no file is read (no reader table functions, no name that looks like a path), no setting or
 * path of the host is revealed, and no single function call may build an arbitrarily large value, because
 * DuckDB cannot interrupt one function call: the size of a list or string built by {@link SizeRules the size
 * rules' functions} must be a number written in the statement, within a cap.
 */
public final class ReadRules {
    /** Table functions a task may call: generators, and catalog listings that reveal no host path or setting. */
    static final Set<String> TABLE_FUNCTIONS = Set.of("range", "generate_series", "unnest", "repeat", "repeat_row",
            "json_each", "json_tree", "duckdb_columns", "duckdb_constraints", "duckdb_dependencies",
            "duckdb_functions", "duckdb_indexes", "duckdb_keywords", "duckdb_schemas", "duckdb_sequences",
            "duckdb_tables", "duckdb_types", "duckdb_views", "pragma_table_info", "pragma_show", "pragma_version",
            "pragma_collations", "pg_timezone_names", "icu_calendar_names");

    /** Catalog views by schema; a bare name resolves in main, and pg_catalog is on DuckDB's search path. */
    private static final Map<String, Set<String>> CATALOG_VIEWS = Map.of(
            "information_schema", Set.of("character_sets", "check_constraints", "columns", "constraint_column_usage",
                    "constraint_table_usage", "key_column_usage", "referential_constraints", "schemata",
                    "table_constraints", "tables", "views"),
            "main", Set.of("duckdb_columns", "duckdb_constraints", "duckdb_indexes", "duckdb_schemas", "duckdb_tables",
                    "duckdb_types", "duckdb_views", "sqlite_master", "sqlite_schema", "sqlite_temp_master",
                    "sqlite_temp_schema"),
            "pg_catalog", Set.of("pg_am", "pg_attrdef", "pg_attribute", "pg_class", "pg_collation", "pg_constraint",
                    "pg_depend", "pg_description", "pg_enum", "pg_index", "pg_indexes", "pg_namespace", "pg_proc",
                    "pg_sequence", "pg_sequences", "pg_tables", "pg_type", "pg_views"));

    /** Catalog views and functions that show the host's settings, paths, files or logs. */
    private static final Set<String> REVEALING = Set.of("duckdb_settings", "duckdb_databases", "duckdb_extensions",
            "duckdb_temporary_files", "duckdb_secrets", "duckdb_logs", "duckdb_variables", "duckdb_memory",
            "duckdb_external_file_cache", "duckdb_prepared_statements", "pragma_database_list",
            "pragma_database_size", "pragma_storage_info", "pragma_metadata_info", "pragma_user_agent", "pg_settings",
            "pg_database", "pg_tablespace", "pg_prepared_statements", "which_secret", "duckdb_log_contexts");

    /** Table functions that read data by name: a file, a glob, or a table named by a string. */
    private static final Set<String> READERS_BY_NAME = Set.of("query", "query_table", "glob", "sniff_csv",
            "read_duckdb", "json_execute_serialized_sql", "seq_scan", "arrow_scan", "arrow_scan_dumb",
            "histogram_values", "summary", "checkpoint", "force_checkpoint");

    /** Scalar functions that reveal settings (the host's paths among them) or the environment, or write. */
    private static final Set<String> REVEALING_FUNCTIONS = Set.of("current_setting", "getenv", "getvariable",
            "write_log", "json_execute_serialized_sql");

    private static final Set<String> SHOWABLE = Set.of("tables", "__show_tables_expanded");

    private final Namespace namespace;
    private final String database;
    private final Set<String> builtins;
    private final Set<String> temporary;
    private final boolean stored;

    private ReadRules(Namespace namespace, String database, Set<String> builtins, Set<String> temporary,
                      boolean stored) {
        this.namespace = namespace;
        this.database = lower(database);
        this.builtins = builtins;
        this.temporary = temporary;
        this.stored = stored;
    }

    /**
     * The rules for a statement of {@code namespace}'s task in the workspace database {@code database}, whose
     * built-in functions are {@code builtins} (lower case).
     */
    public static ReadRules forTask(Namespace namespace, String database, Set<String> builtins) {
        return new ReadRules(namespace, database, Set.copyOf(builtins), Set.of(), false);
    }

    /** The rules for a view or macro the task stored, while {@code temporaryNames} exist in its session. */
    public ReadRules forStoredObjectOf(Set<String> temporaryNames) {
        Set<String> lowered = new HashSet<>();
        temporaryNames.forEach(name -> lowered.add(lower(name)));
        return new ReadRules(namespace, database, builtins, Set.copyOf(lowered), true);
    }

    /** The rules every stored view and macro of a workspace must meet, whoever wrote it. */
    public static ReadRules forWorkspace(String database, Set<String> builtins) {
        return new ReadRules(null, database, Set.copyOf(builtins), Set.of(), false);
    }

    /** Why a macro may not be called {@code name}; empty when it may. */
    public Optional<String> macroNameProblem(String name) {
        if (builtins.contains(lower(name))) {
            return Optional.of("'" + name + "' is the name of a built-in function, and a macro of that name would "
                    + "replace it in every query of the workspace. Choose another name"
                    + (namespace == null ? "." : ", e.g. " + namespace.task() + "_" + name + "."));
        }
        return Optional.empty();
    }

    /** The first reason the references may not be read or called, with what is allowed; empty when all may. */
    public Optional<String> refusal(List<SqlReference> references) {
        for (SqlReference reference : references) {
            Optional<String> problem;
            if (reference instanceof Relation relation) {
                problem = relation(relation);
            } else if (reference instanceof TableFunction function) {
                problem = tableFunction(function);
            } else if (reference instanceof Function function) {
                problem = function(function);
            } else {
                problem = show((Show) reference);
            }
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<String> relation(Relation relation) {
        String name = lower(relation.name());
        if (PathLikeNames.isPathLike(relation.name())) {
            return refuse("'" + relation.written() + "' names a file, and tasks cannot read files: " + readable());
        }
        Where where = where(relation.path());
        return switch (where) {
            case OTHER -> refuse("'" + relation.written() + "' is in another database or schema; tasks read only "
                    + "the workspace's main schema and its catalog. " + readable());
            case SYSTEM_MAIN, INFORMATION_SCHEMA, PG_CATALOG -> catalogView(relation, where);
            case BARE -> isCatalogViewName(name) && (namespace == null || namespace.workspace().owner(name).isEmpty()
                    && !namespace.workspace().isInputTable(name))
                    ? catalogView(relation, Where.SYSTEM_MAIN) : workspaceRelation(relation, false);
            case TEMP -> workspaceRelation(relation, true);
            case WORKSPACE -> workspaceRelation(relation, false);
        };
    }

    private static boolean isCatalogViewName(String name) {
        return CATALOG_VIEWS.get("main").contains(name) || CATALOG_VIEWS.get("pg_catalog").contains(name)
                || REVEALING.contains(name);
    }

    private Optional<String> catalogView(Relation relation, Where where) {
        String name = lower(relation.name());
        if (REVEALING.contains(name)) {
            return refuse("'" + relation.written() + "' shows the host's settings, paths or files, which tasks may "
                    + "not read. " + readable());
        }
        boolean known = switch (where) {
            case INFORMATION_SCHEMA -> CATALOG_VIEWS.get("information_schema").contains(name);
            case PG_CATALOG -> CATALOG_VIEWS.get("pg_catalog").contains(name);
            default -> CATALOG_VIEWS.get("main").contains(name) || CATALOG_VIEWS.get("pg_catalog").contains(name);
        };
        return known ? Optional.empty() : refuse("'" + relation.written() + "' is not one of the catalog views tasks "
                + "may read. " + readable());
    }

    private Optional<String> workspaceRelation(Relation relation, boolean temporaryOnly) {
        String name = relation.name();
        if (stored && (temporaryOnly || temporary.contains(lower(name)))) {
            return refuse("A stored view or macro may not use '" + relation.written() + "', a temporary object of "
                    + "this session: it would not exist, or be something else, for the next connection. Create "
                    + "it without TEMP first.");
        }
        if (namespace == null || relation.columnsOnly()) {
            return Optional.empty();
        }
        boolean allowed = temporaryOnly ? namespace.allows(name) : namespace.mayRead(name);
        if (allowed) {
            return Optional.empty();
        }
        Namespaces workspace = namespace.workspace();
        String what = workspace.describeName(name);
        String hint = workspace.isInputTable(name) || workspace.owner(name).isPresent()
                ? " If the task needs it, add '" + name + "' to the task's \"inputs\" in the spec: an undeclared "
                + "read would be a dependency the scheduler and reruns cannot see." : "";
        return refuse("Task '" + namespace.task() + "' may not read '" + relation.written() + "': it is " + what
                + "." + hint + " " + readable());
    }

    private Optional<String> tableFunction(TableFunction function) {
        String name = lower(function.name());
        if (!functionPathAllowed(function.path())) {
            return refuse(function.written() + "() is in another database or schema. " + callable());
        }
        if (builtins.contains(name)) {
            if (TABLE_FUNCTIONS.contains(name)) {
                return Optional.empty();
            }
            String why = REVEALING.contains(name) ? "shows the host's settings, paths or files"
                    : READERS_BY_NAME.contains(name) || name.startsWith("read_") || name.startsWith("parquet_")
                    ? "reads data by name (files, globs or tables named by a string)" : "is not available to tasks";
            return refuse(function.written() + "() " + why + ". " + callable());
        }
        return userMacro(function, true);
    }

    private Optional<String> function(Function function) {
        String name = lower(function.name());
        if (REVEALING_FUNCTIONS.contains(name)) {
            return refuse(function.written() + "() reveals the database's settings (among them the host's paths) or "
                    + "the environment, which tasks may not read.");
        }
        if (!functionPathAllowed(function.path())) {
            return refuse(function.written() + "() is in another database or schema. " + callable());
        }
        if (builtins.contains(name)) {
            return SizeRules.problem(name, function.arguments(), function.perElement());
        }
        return userMacro(function, false);
    }

    private Optional<String> userMacro(SqlReference call, boolean table) {
        String written = call.written();
        String name = call.name();
        boolean temporaryQualified = call.path().size() > 1 && lower(call.path().get(0)).equals("temp");
        if (stored && (temporaryQualified || temporary.contains(lower(name)))) {
            return refuse("A stored view or macro may not call " + written + "(), a temporary macro of this "
                    + "session: the next connection would not find it, or would find another macro of that name. "
                    + "Create the macro without TEMP first.");
        }
        if (namespace == null || namespace.allows(name)) {
            return Optional.empty();
        }
        String owner = namespace.workspace().owner(name).map(task -> "a macro of task '" + task + "'")
                .orElse("neither a built-in function nor a macro of this task (check the spelling: SELECT "
                        + "function_name FROM duckdb_functions() lists the functions)");
        return refuse(written + "() is " + owner + "; task '" + namespace.task() + "' may call built-in functions "
                + "and its own macros only" + (table ? ". " + callable() : " (" + namespace.describe() + ")."));
    }

    private Optional<String> show(Show show) {
        String what = lower(show.what().replace("\"", ""));
        if (SHOWABLE.contains(what)) {
            return Optional.empty();
        }
        return refuse("SHOW " + show.what().replace("\"", "").toUpperCase(Locale.ROOT) + " is not available to "
                + "tasks: use SHOW TABLES, DESCRIBE name, or SELECT * FROM duckdb_tables().");
    }

    private boolean functionPathAllowed(List<String> path) {
        if (path.size() == 1) {
            return true;
        }
        List<String> qualifiers = path.subList(0, path.size() - 1).stream().map(ReadRules::lower).toList();
        String first = qualifiers.get(0);
        if (qualifiers.size() == 1) {
            return first.equals("main") || first.equals(database) || first.equals("system") || first.equals("temp")
                    || first.equals("pg_catalog");
        }
        return qualifiers.size() == 2 && qualifiers.get(1).equals("main")
                && (first.equals(database) || first.equals("system") || first.equals("temp"));
    }

    private enum Where { BARE, WORKSPACE, TEMP, SYSTEM_MAIN, INFORMATION_SCHEMA, PG_CATALOG, OTHER }

    private Where where(List<String> path) {
        List<String> parts = path.stream().map(ReadRules::lower).toList();
        if (parts.size() == 1) {
            return Where.BARE;
        }
        String first = parts.get(0);
        if (parts.size() == 2) {
            return switch (first) {
                case "main" -> Where.WORKSPACE;
                case "temp" -> Where.TEMP;
                case "system" -> Where.SYSTEM_MAIN;
                case "information_schema" -> Where.INFORMATION_SCHEMA;
                case "pg_catalog" -> Where.PG_CATALOG;
                default -> first.equals(database) ? Where.WORKSPACE : Where.OTHER;
            };
        }
        if (parts.size() != 3) {
            return Where.OTHER;
        }
        String schema = parts.get(1);
        if (first.equals("system")) {
            return switch (schema) {
                case "main" -> Where.SYSTEM_MAIN;
                case "information_schema" -> Where.INFORMATION_SCHEMA;
                case "pg_catalog" -> Where.PG_CATALOG;
                default -> Where.OTHER;
            };
        }
        if (!schema.equals("main")) {
            return Where.OTHER;
        }
        if (first.equals("temp")) {
            return Where.TEMP;
        }
        return first.equals(database) ? Where.WORKSPACE : Where.OTHER;
    }

    /** What the task may read, for the end of a refusal. */
    private String readable() {
        String catalog = "the catalog (DESCRIBE name, SHOW TABLES, information_schema, duckdb_tables(), "
                + "duckdb_views(), duckdb_columns(), duckdb_functions())";
        if (namespace == null) {
            return "Stored views and macros may read the workspace's tables and views and " + catalog + ".";
        }
        return "Task '" + namespace.task() + "' may read " + namespace.describeReads() + "; and " + catalog + ".";
    }

    private static String callable() {
        return "Table functions tasks may call: range, generate_series, unnest, repeat, repeat_row, json_each, "
                + "json_tree, the catalog listings (duckdb_tables, duckdb_views, duckdb_columns, duckdb_functions, "
                + "pragma_table_info, ...) and the task's own table macros.";
    }

    private static Optional<String> refuse(String message) {
        return Optional.of(message);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
