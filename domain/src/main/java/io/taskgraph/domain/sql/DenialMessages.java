package io.taskgraph.domain.sql;

import java.util.Set;

/**
 * The words the statement policy says no with. Each message names what was refused and why, then what an
 * agent can do instead, because the agent reads it and has to act on it.
 */
final class DenialMessages {
    private static final Set<String> DATA_CHANGES = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "UPSERT");
    private static final Set<String> DATABASE_SWITCHES = Set.of("ATTACH", "DETACH", "USE");
    private static final Set<String> FILE_ACCESS = Set.of("COPY", "EXPORT", "IMPORT");
    private static final Set<String> EXTENSIONS = Set.of("INSTALL", "LOAD", "FORCE");
    private static final Set<String> SETTINGS = Set.of("SET", "RESET", "PRAGMA");
    private static final Set<String> TRANSACTIONS = Set.of("BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT");
    private static final Set<String> MAINTENANCE = Set.of("CHECKPOINT", "VACUUM", "ANALYZE", "ANALYSE");
    private static final Set<String> PREPARED = Set.of("PREPARE", "EXECUTE", "DEALLOCATE");

    private DenialMessages() {
    }

    /** What a task may run, ending every denial so the agent knows its options. */
    static String allowed(Namespace namespace) {
        return "Allowed, one statement per call: queries (SELECT, WITH, VALUES, FROM, TABLE, SUMMARIZE, DESCRIBE, "
                + "SHOW, EXPLAIN, PIVOT, UNPIVOT); CREATE [OR REPLACE] [TEMP] VIEW or MACRO and DROP VIEW or MACRO "
                + "[IF EXISTS], named " + namespace.describe() + ".";
    }

    /** Why a statement starting with {@code keyword} (upper case) is refused, without the allowed summary. */
    static String reason(String keyword) {
        if (DATA_CHANGES.contains(keyword)) {
            return keyword + " changes the rows of a table, and tasks never change data: express the result as "
                    + "a view instead (CREATE OR REPLACE VIEW name AS SELECT ...).";
        }
        if (keyword.equals("ALTER")) {
            return "ALTER changes an existing object; to change a view, re-create it with CREATE OR REPLACE VIEW.";
        }
        if (DATABASE_SWITCHES.contains(keyword)) {
            return keyword + " changes which databases or schemas the session sees; tasks work only in the "
                    + "workspace database, whose tables and views are already available.";
        }
        if (FILE_ACCESS.contains(keyword)) {
            return keyword + " reads or writes files, and tasks have no file access; query the input tables and "
                    + "create views instead.";
        }
        if (EXTENSIONS.contains(keyword)) {
            return keyword + " installs or loads extensions, which tasks may not do; use the built-in functions.";
        }
        if (SETTINGS.contains(keyword)) {
            return keyword + " changes database settings, which are fixed for the run (and not readable by "
                    + "tasks); to describe a table use DESCRIBE name or SELECT * FROM pragma_table_info('name').";
        }
        if (keyword.equals("CALL")) {
            return "CALL is not allowed; call a table function in a query instead: SELECT * FROM function(...).";
        }
        if (TRANSACTIONS.contains(keyword)) {
            return keyword + " controls transactions, which Taskgraph manages itself; send each statement on its "
                    + "own, without BEGIN, COMMIT or ROLLBACK.";
        }
        if (MAINTENANCE.contains(keyword)) {
            return keyword + " is storage maintenance, which Taskgraph does itself.";
        }
        if (PREPARED.contains(keyword)) {
            return keyword + " is for prepared statements, which are not available; send the statement itself.";
        }
        return keyword + " statements are not allowed.";
    }

    static String createOther(String what) {
        return "CREATE " + what + " is not allowed: tasks create only views and macros.";
    }

    static String createTable() {
        return "CREATE TABLE is not allowed (also as CREATE TABLE ... AS SELECT): tasks write views, not tables. "
                + "Use CREATE OR REPLACE VIEW name AS SELECT ... instead.";
    }

    static String dropOther(String what) {
        return "DROP " + what + " is not allowed: tasks may drop only the views and macros of their own namespace.";
    }
}
