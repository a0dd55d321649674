package io.taskgraph.adapters.cli;

import io.taskgraph.adapters.cli.command.CompletionCommand;
import io.taskgraph.adapters.cli.command.DemoCommand;
import io.taskgraph.adapters.cli.command.ExtractSpecCommand;
import io.taskgraph.adapters.cli.command.InitCommand;
import io.taskgraph.adapters.cli.command.InspectXlsxCommand;
import io.taskgraph.adapters.cli.command.QueryCommand;
import io.taskgraph.adapters.cli.command.ReportCommand;
import io.taskgraph.adapters.cli.command.RerunCommand;
import io.taskgraph.adapters.cli.command.RunCommand;
import io.taskgraph.adapters.cli.command.ServeCommand;
import io.taskgraph.adapters.cli.command.ShowCommand;
import io.taskgraph.adapters.cli.command.TraceCommand;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
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
            "2:bad usage or bad input (spec, graph, input data, API key, output file, a query's SQL)",
            "130:stopped by Ctrl-C (the workspace is valid; rerun continues from it)"})
public final class TaskgraphCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    final GlobalOptions global = new GlobalOptions();

    /** No command given: the help goes to stderr and the exit code says it was a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** The subcommands by name, each made only when asked for. */
    private static Map<String, Function<GlobalOptions, Object>> subcommands(Cli cli) {
        Map<String, Function<GlobalOptions, Object>> commands = new LinkedHashMap<>();
        commands.put("init", global -> new InitCommand(cli));
        commands.put("run", global -> new RunCommand(cli, global));
        commands.put("rerun", global -> new RerunCommand(cli, global));
        commands.put("show", global -> new ShowCommand(cli));
        commands.put("extract-spec", global -> new ExtractSpecCommand(cli));
        commands.put("query", global -> new QueryCommand(cli, System.in));
        commands.put("trace", global -> new TraceCommand(cli));
        commands.put("report", global -> new ReportCommand(cli));
        commands.put("inspect-xlsx", global -> new InspectXlsxCommand(cli));
        commands.put("demo", global -> new DemoCommand(cli, global));
        commands.put("serve", global -> new ServeCommand(cli, global));
        commands.put("completion", global -> new CompletionCommand(() -> commandLine(cli)));
        return commands;
    }

    /** The command line with every subcommand registered and errors mapped in one place. */
    public static CommandLine commandLine(Cli cli) {
        return commandLine(cli, new String[0]);
    }

    /**
     * The command line for {@code args}. Picocli builds each command's model by reflection, which is most of the
     * CLI's start-up time, so when {@code args} name a subcommand only that one is registered; help, typos and
     * bare {@code taskgraph} get them all. A new subcommand is one more entry in {@link #subcommands}.
     */
    public static CommandLine commandLine(Cli cli, String[] args) {
        TaskgraphCommand root = new TaskgraphCommand();
        CommandLine line = new CommandLine(root);
        Map<String, Function<GlobalOptions, Object>> commands = subcommands(cli);
        Optional<String> named = invoked(args, commands.keySet());
        commands.forEach((name, make) -> {
            if (named.isEmpty() || named.get().equals(name)) {
                line.addSubcommand(name, make.apply(root.global));
                GlobalOptions.describeDebugFor(line.getSubcommands().get(name));
            }
        });
        ErrorReporter errors = new ErrorReporter(root.global);
        line.setExecutionExceptionHandler(errors);
        line.setParameterExceptionHandler(errors);
        line.setOut(new PrintWriter(cli.out(), true));
        line.setErr(new PrintWriter(cli.err(), true));
        return line;
    }

    /** The subcommand {@code args} invoke: the first argument that is not a top-level option, if it names one. */
    private static Optional<String> invoked(String[] args, Set<String> names) {
        for (String arg : args) {
            if (arg.equals("--debug") || arg.equals("--verbose")) {
                continue;
            }
            return names.contains(arg) ? Optional.of(arg) : Optional.empty();
        }
        return Optional.empty();
    }
}
