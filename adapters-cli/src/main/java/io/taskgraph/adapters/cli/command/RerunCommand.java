package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.cli.Cli;
import io.taskgraph.adapters.cli.DebugHelp;
import io.taskgraph.adapters.cli.GlobalOptions;
import io.taskgraph.application.rerun.RerunMode;
import io.taskgraph.application.rerun.RerunRequest;
import io.taskgraph.application.rerun.RerunWorkspace;
import io.taskgraph.application.rerun.SpecCommitMismatchException;
import io.taskgraph.application.run.RunOptions;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.run.RunDefaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code taskgraph rerun DB -o NEW}: a previous workspace, copied and brought up to date. */
@Command(name = "rerun", sortOptions = false,
        description = {"Rerun from a previous .db file (never modified: the rerun works on a copy).",
            "By default uses the recorded spec module (at the recorded git commit) and the existing data, and only "
                    + "invokes agents for tasks whose validation fails."},
        footer = {"", "Examples:",
            "  taskgraph rerun previous.db -o new.db",
            "  taskgraph rerun previous.db -o new.db --reingest",
            "  taskgraph rerun jan.db -o feb.db --spec my_app.specs.feb",
            "  taskgraph rerun previous.db -o new.db --mode review"})
public final class RerunCommand implements Callable<Integer>, DebugHelp {
    private final Cli cli;
    private final GlobalOptions global;

    @Parameters(index = "0", paramLabel = "DB", description = "The previous workspace .db file.")
    String source;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "NEW", description = "Output .db file path.")
    String output;

    @Option(names = {"-s", "--spec"}, paramLabel = "MODULE",
            description = "Use this spec module instead of the recorded one (it must be structurally compatible); "
                    + "fresh data is ingested from it unless --no-reingest.")
    String spec;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "validate",
            completionCandidates = ValueChoices.RerunModes.class,
            description = "validate: skip tasks whose views still pass; review: always invoke the agents "
                    + "(default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--reingest", negatable = true,
            description = "Ingest fresh data from the spec's inputs (default: only with --spec).")
    Boolean reingest;

    @Option(names = "--ignore-commit",
            description = "Rerun even though the recorded spec's git commit differs from the current one.")
    boolean ignoreCommit;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "LLM model via OpenRouter (default: the model the previous workspace recorded).")
    String model;

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

    public RerunCommand(Cli cli, GlobalOptions global) {
        this.cli = cli;
        this.global = global;
    }

    @Override
    public String debugDescription() {
        return RunExecution.DEBUG_HELP;
    }

    @Override
    public Integer call() {
        Path previous = cli.resolve(source);
        if (!Files.isRegularFile(previous)) {
            throw new UsageException("No workspace file at " + source + "; give the .db file a previous taskgraph run wrote.");
        }
        RerunMode rerunMode = RerunMode.parse(mode);
        Path out = cli.resolve(output);
        if (out.equals(previous)) {
            throw new UsageException("The output " + output + " is the workspace being rerun; a rerun never modifies its "
                    + "source, so choose another -o path.");
        }
        boolean replace = OutputFile.mayReplace(out, output, outputOptions.force, cli.terminal());
        RunExecution execution = new RunExecution(cli, global, outputOptions, cassettes);
        Optional<String> chosenModel = AgentOptions.chosen(model);
        RunOptions options = agent.toRunOptions(chosenModel.orElse(RunDefaults.MODEL), execution.replaying());
        Optional<String> specModule = Optional.ofNullable(spec).map(String::strip);
        boolean freshData = reingest != null ? reingest : specModule.isPresent();
        RerunRequest request = new RerunRequest(previous, out, replace, specModule, cli.workingDirectory(), Map.of(),
                rerunMode, freshData, ignoreCommit, chosenModel, options);
        return execution.execute(output, "", (llm, listener, control) -> {
            try {
                return new RerunWorkspace(cli.adapters().specLoader(cli.err()::println),
                        cli.adapters().sqlEngine(database.memoryLimit()), llm, listener, cli.clock())
                        .rerun(request, control);
            } catch (SpecCommitMismatchException e) {
                throw new UsageException(e.getMessage() + " To rerun with the spec as it is now anyway, add --ignore-commit.", e);
            }
        });
    }
}
