package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.cli.Cli;
import io.taskgraph.adapters.cli.DebugHelp;
import io.taskgraph.adapters.cli.ExitCodes;
import io.taskgraph.adapters.cli.GlobalOptions;
import io.taskgraph.adapters.cli.rerun.RerunCommandLine;
import io.taskgraph.adapters.cli.rerun.RerunPlanText;
import io.taskgraph.application.rerun.PlanRerun;
import io.taskgraph.application.rerun.RerunMode;
import io.taskgraph.application.rerun.RerunPlan;
import io.taskgraph.application.rerun.RerunRequest;
import io.taskgraph.application.rerun.RerunWorkspace;
import io.taskgraph.application.run.RunOptions;
import io.taskgraph.domain.TaskgraphException;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.graph.TaskSelection;
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

/** {@code taskgraph rerun DB -o NEW}: a previous workspace, copied and brought up to date (or, dry, the plan for it). */
@Command(name = "rerun", sortOptions = false,
        description = {"Rerun from a previous .db file (never modified: the rerun works on a copy).",
            "By default uses the recorded spec module as it is now and the recorded data, and only invokes agents for "
                    + "tasks whose validation fails; tasks whose definition changed but whose views still pass are "
                    + "reused and listed. A task downstream of one that ran again is validated again, and runs again "
                    + "only if a check now fails.",
            "If the recorded spec was edited since (committed or not), the rerun says so once and lists what "
                    + "changed per task."},
        footer = {"", "Examples:",
            "  taskgraph rerun previous.db -o new.db --dry-run",
            "  taskgraph rerun previous.db -o new.db",
            "  taskgraph rerun previous.db -o new.db --mode changed",
            "  taskgraph rerun previous.db -o new.db --select sales",
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
            description = "validate: run agents only for tasks whose views fail validation; changed: also for tasks "
                    + "whose definition changed since their views were built; review: every agent "
                    + "(default: ${DEFAULT-VALUE}).")
    String mode;

    @Mixin
    SelectOption select;

    @Option(names = "--dry-run",
            description = "Print what the rerun would do with each task, and why, then stop: no file is written and "
                    + "no model is called.")
    boolean dryRun;

    @Option(names = "--reingest", negatable = true,
            description = "Ingest fresh data from the spec's inputs (default: only with --spec).")
    Boolean reingest;

    @Option(names = "--ignore-commit",
            description = "Do not note that the recorded spec was edited since the workspace recorded it.")
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
        TaskSelection selection = select.selection();
        Path out = cli.resolve(output);
        if (out.equals(previous)) {
            throw new UsageException("The output " + output + " is the workspace being rerun; a rerun never modifies its "
                    + "source, so choose another -o path.");
        }
        RunExecution execution = new RunExecution(cli, global, outputOptions, cassettes);
        Optional<String> chosenModel = AgentOptions.chosen(model);
        RunOptions options = agent.toRunOptions(chosenModel.orElse(RunDefaults.MODEL), execution.replaying());
        Optional<String> specModule = Optional.ofNullable(spec).map(String::strip);
        boolean freshData = reingest != null ? reingest : specModule.isPresent();
        RerunCommandLine again = new RerunCommandLine(source, output, specModule, Optional.ofNullable(reingest));
        if (dryRun) {
            return plan(execution, again, new RerunRequest(previous, out, outputOptions.force, specModule,
                    cli.workingDirectory(), Map.of(), rerunMode, freshData, ignoreCommit, chosenModel, options, selection));
        }
        boolean replace = OutputFile.mayReplace(out, output, outputOptions.force, cli.terminal());
        RerunRequest request = new RerunRequest(previous, out, replace, specModule, cli.workingDirectory(), Map.of(),
                rerunMode, freshData, ignoreCommit, chosenModel, options, selection);
        ChangedButReused changed = new ChangedButReused(again, execution.style());
        return execution.execute(output, "", (llm, listener, control) -> new RerunWorkspace(
                cli.adapters().specLoader(cli.err()::println), cli.adapters().workbookReader(),
                cli.adapters().sqlEngine(database.memoryLimit()), llm, listener, cli.clock()).rerun(request, control),
                changed);
    }

    /**
     * The dry run: the same checks as the rerun, then the plan; nothing written or called. A model client the rerun
     * could not make (no API key, a missing cassette) does not hide the plan, but still exits as the rerun would.
     */
    private int plan(RunExecution execution, RerunCommandLine again, RerunRequest request) {
        TaskgraphException modelProblem = null;
        try {
            execution.checkModel();
        } catch (TaskgraphException e) {
            modelProblem = e;
        }
        RerunPlan plan = new PlanRerun(cli.adapters().specLoader(cli.err()::println), cli.adapters().workbookReader(),
                cli.adapters().sqlEngine(database.memoryLimit())).plan(request);
        String outputNote = Files.exists(request.output()) && !outputOptions.force
                ? output + " exists: the rerun replaces it only with -f (or when you confirm at a terminal)" : "";
        cli.out().print(new RerunPlanText(execution.style(), again, cli.workingDirectory()).render(plan, outputNote));
        cli.out().flush();
        if (modelProblem != null) {
            throw modelProblem; // the rerun would stop here, before anything ran
        }
        return ExitCodes.OK;
    }
}
