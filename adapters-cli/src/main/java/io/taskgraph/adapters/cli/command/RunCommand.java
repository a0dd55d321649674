package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.cli.Cli;
import io.taskgraph.adapters.cli.DebugHelp;
import io.taskgraph.adapters.cli.GlobalOptions;
import io.taskgraph.application.discovery.DiscoveredSpec;
import io.taskgraph.application.discovery.SpecDiscovery;
import io.taskgraph.application.run.RunOptions;
import io.taskgraph.application.run.RunRequest;
import io.taskgraph.application.run.RunWorkspace;
import io.taskgraph.domain.graph.TaskSelection;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.run.RunDefaults;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code taskgraph run}: a workspace spec from scratch into a new {@code .db} file. */
@Command(name = "run", sortOptions = false,
        description = {"Run a workspace spec from scratch: ingest, run an agent per task, validate, export.",
            "With --select, only the selected tasks and the tasks they need run; the others are reported as not "
                    + "selected, and exports (which need every task) are not written."},
        footer = {"", "Examples:",
            "  taskgraph run -o output.db",
            "  taskgraph run --spec my_app.specs.main -o output.db",
            "  taskgraph run -o output.db -m anthropic/claude-sonnet-4",
            "  taskgraph run -o output.db --reasoning-effort medium --max-iterations 50",
            "  taskgraph run -o output.db --select sales+",
            "  taskgraph run -o output.db --llm-record run.jsonl",
            "  taskgraph run -o replay.db --llm-replay run.jsonl"})
public final class RunCommand implements Callable<Integer>, DebugHelp {
    private final Cli cli;
    private final GlobalOptions global;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DB", description = "Output .db file path.")
    String output;

    @Option(names = {"-s", "--spec"}, paramLabel = "MODULE",
            description = "Spec module, e.g. my_app.specs.main (default: the module [tool.taskgraph] names in "
                    + "pyproject.toml, else specs.main when specs/main.py exists).")
    String spec;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "LLM model via OpenRouter (default: ${DEFAULT-VALUE}).")
    String model = RunDefaults.MODEL;

    @Mixin
    SelectOption select;

    @Mixin
    AgentOptions agent;

    @Mixin
    DatabaseOptions database;

    @Mixin
    OutputOptions outputOptions;

    @Mixin
    CassetteOptions cassettes;

    @Mixin
    HelpOption help;

    public RunCommand(Cli cli, GlobalOptions global) {
        this.cli = cli;
        this.global = global;
    }

    @Override
    public String debugDescription() {
        return RunExecution.DEBUG_HELP;
    }

    @Override
    public Integer call() {
        TaskSelection selection = select.selection();
        DiscoveredSpec module = SpecDiscovery.resolve(Optional.ofNullable(spec), cli.workingDirectory());
        Path out = cli.resolve(output);
        boolean replace = OutputFile.mayReplace(out, output, outputOptions.force, cli.terminal());
        RunExecution execution = new RunExecution(cli, global, outputOptions, cassettes);
        RunOptions options = agent.toRunOptions(AgentOptions.chosen(model).orElse(RunDefaults.MODEL),
                execution.replaying());
        RunRequest request = new RunRequest(new SpecRequest(module.module(), cli.workingDirectory(), Map.of()), out,
                replace, options, selection);
        String preamble = module.source() == DiscoveredSpec.Source.EXPLICIT ? ""
                : "Spec " + module.module() + " (" + module.source().description() + ")";
        return execution.execute(output, preamble, (llm, listener, control) -> new RunWorkspace(
                cli.adapters().specLoader(cli.err()::println), cli.adapters().workbookReader(),
                cli.adapters().sqlEngine(database.memoryLimit()), llm, listener, cli.clock()).run(request, control));
    }
}
