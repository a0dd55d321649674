package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.cli.Cli;
import io.taskgraph.adapters.cli.ExitCodes;
import io.taskgraph.adapters.cli.inspect.TracePrinter;
import io.taskgraph.adapters.cli.progress.Style;
import io.taskgraph.application.trace.ShowTrace;
import io.taskgraph.application.trace.TraceListing;
import io.taskgraph.application.trace.TraceRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code taskgraph trace DB}: the SQL the agents ran, from the workspace's {@code _trace}, in order. */
@Command(name = "trace", sortOptions = false,
        description = {"Show the SQL statements the agents ran, in order: time, task, ok or error, elapsed time, "
                + "the statement and the database's error.",
            "The workspace is opened read-only. An unknown task name exits 2 and lists the tasks."},
        footer = {"", "Examples:",
            "  taskgraph trace output.db",
            "  taskgraph trace output.db --task sales",
            "  taskgraph trace output.db --failed"})
public final class TraceCommand implements Callable<Integer> {
    private final Cli cli;

    @Parameters(index = "0", paramLabel = "DB", description = "A workspace .db file written by taskgraph.")
    String db;

    @Option(names = {"-t", "--task"}, paramLabel = "NAME", split = ",",
            description = "Only this task's statements (repeatable, or comma-separated).")
    List<String> tasks = new ArrayList<>();

    @Option(names = "--failed", description = "Only the statements that failed.")
    boolean failed;

    @Mixin
    HelpOption help;

    public TraceCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        TraceListing listing = new ShowTrace(cli.adapters().sqlEngine())
                .show(new TraceRequest(cli.resolve(db), tasks, failed));
        new TracePrinter(cli.out(), new Style(cli.terminal().color(), cli.terminal().unicode()))
                .print(db, listing, selection());
        return ExitCodes.OK;
    }

    /** What was asked for, in words: "statements", "failed statements of task sales", ... */
    private String selection() {
        String what = failed ? "failed statements" : "statements";
        if (tasks.isEmpty()) {
            return what;
        }
        return what + " of " + (tasks.size() == 1 ? "task " : "tasks ") + String.join(", ", tasks);
    }
}
