package io.taskgraph.adapters.cli;

import io.taskgraph.adapters.cli.command.ExtractSpecCommand;
import io.taskgraph.adapters.cli.command.InitCommand;
import io.taskgraph.adapters.cli.command.RerunCommand;
import io.taskgraph.adapters.cli.command.RunCommand;
import io.taskgraph.adapters.cli.command.ShowCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code taskgraph} command; each subcommand is a class of its own. */
@Command(name = "taskgraph", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run LLM agents that do data work as SQL views inside one DuckDB file.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all tasks passed and all exports were written",
            "1:the run finished but a task or an export failed",
            "2:bad usage or bad input (spec, graph, input data, API key, output file)",
            "130:stopped by Ctrl-C (the workspace is valid; rerun continues from it)"})
public final class TaskgraphCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    final GlobalOptions global = new GlobalOptions();

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The command line with every subcommand registered and errors mapped in one place. A new subcommand
     * (the web app's {@code serve}: a class here that starts {@code io.taskgraph.adapters.web.WebServer})
     * is one more {@code addSubcommand} line.
     */
    public static CommandLine commandLine(Cli cli) {
        TaskgraphCommand root = new TaskgraphCommand();
        CommandLine line = new CommandLine(root)
                .addSubcommand(new InitCommand(cli))
                .addSubcommand(new RunCommand(cli, root.global))
                .addSubcommand(new RerunCommand(cli, root.global))
                .addSubcommand(new ShowCommand(cli))
                .addSubcommand(new ExtractSpecCommand(cli));
        ErrorReporter errors = new ErrorReporter(root.global);
        line.setExecutionExceptionHandler(errors);
        line.setParameterExceptionHandler(errors);
        line.setOut(new java.io.PrintWriter(cli.out(), true));
        line.setErr(new java.io.PrintWriter(cli.err(), true));
        return line;
    }
}
