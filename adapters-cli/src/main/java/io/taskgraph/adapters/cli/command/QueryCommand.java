package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.cli.Cli;
import io.taskgraph.adapters.cli.ExitCodes;
import io.taskgraph.adapters.cli.inspect.OutputClosed;
import io.taskgraph.adapters.cli.inspect.ResultFormat;
import io.taskgraph.adapters.cli.inspect.ResultPrinter;
import io.taskgraph.adapters.cli.progress.Style;
import io.taskgraph.application.query.QueryWorkspace;
import io.taskgraph.domain.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code taskgraph query DB SQL}: one read-only statement on a workspace, printed as a table, CSV or JSON. The file
 * is opened read-only with file and network access off: a statement that would write anything fails (exit 2) with
 * the database's own message, and the file stays byte for byte as it was.
 */
@Command(name = "query", sortOptions = false,
        description = {"Run one read-only SQL statement on a workspace .db file and print the result.",
            "The file is opened read-only and never changes; a statement that would write, a bad statement or a "
                + "missing file exits 2 with the database's message."},
        footer = {"", "Examples:",
            "  taskgraph query output.db \"SELECT * FROM profit_report\"",
            "  taskgraph query output.db \"SELECT * FROM _task_meta\" --format csv > meta.csv",
            "  taskgraph query output.db \"SHOW TABLES\" --format json",
            "  echo \"SELECT count(*) FROM _trace\" | taskgraph query output.db"})
public final class QueryCommand implements Callable<Integer> {
    static final int DEFAULT_MAX_ROWS = 40;

    private final Cli cli;
    private final InputStream stdin;

    @Parameters(index = "0", paramLabel = "DB", description = "A workspace .db file written by taskgraph.")
    String db;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SQL",
            description = "One SQL statement (DuckDB's dialect); - or none reads it from standard input.")
    String sql;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (aligned, for reading), csv or json (an array of objects); csv and json print "
                    + "every row (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "" + DEFAULT_MAX_ROWS,
            description = "Rows a table shows, 0 for all; the total is always counted (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Mixin
    HelpOption help;

    public QueryCommand(Cli cli, InputStream stdin) {
        this.cli = cli;
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        ResultFormat chosen = ResultFormat.parse(format);
        if (maxRows < 0) {
            throw new UsageException("--max-rows must be 0 (all rows) or more, not " + maxRows + ".");
        }
        String statement = sql == null || sql.equals("-") ? readStandardInput() : sql;
        Style style = new Style(cli.terminal().color(), cli.terminal().unicode());
        ResultPrinter printer = chosen.printer(cli.out(), style, cli.terminal().width(cli.environment()), maxRows);
        try {
            long rows = new QueryWorkspace(cli.adapters().sqlEngine()).query(cli.resolve(db), statement, printer);
            printer.finish(rows);
        } catch (OutputClosed reader) {
            // Whoever read the output stopped (| head): that is not an error of the query.
        }
        return ExitCodes.OK;
    }

    private String readStandardInput() {
        if (cli.terminal().interactive()) {
            cli.err().println("Type one SQL statement, then Ctrl-D on a line of its own (or give it after the .db file):");
        }
        try {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("Could not read the SQL from standard input: " + e.getMessage(), e);
        }
    }
}
