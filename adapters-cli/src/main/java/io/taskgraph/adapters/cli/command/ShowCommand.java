package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.cli.Cli;
import io.taskgraph.adapters.cli.ExitCodes;
import io.taskgraph.application.discovery.DiscoveredSpec;
import io.taskgraph.application.discovery.SpecDiscovery;
import io.taskgraph.application.show.OverviewFormat;
import io.taskgraph.application.show.ShowSpec;
import io.taskgraph.application.show.SpecOverview;
import io.taskgraph.domain.graph.TaskSelection;
import io.taskgraph.domain.port.SpecRequest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code taskgraph show}: the spec's structure. Loads the spec only: no database is opened and no model client
 * is made, so it starts as fast as the JVM and the spec's own import allow.
 */
@Command(name = "show", sortOptions = false,
        description = {"Display a spec's structure: inputs, DAG layers, task details, validation, exports.",
            "With --select, the selected tasks are highlighted (marked * in text, selected in json, coloured in "
                    + "diagrams).",
            "Exits 2, listing the problems, when run would refuse the spec: the tasks do not form a runnable DAG, or "
                    + "an input file it names is missing."},
        footer = {"", "Examples:",
            "  taskgraph show",
            "  taskgraph show --spec my_app.specs.main",
            "  taskgraph show --format mermaid > dag.mmd",
            "  taskgraph show --select sales+",
            "  taskgraph show --format dot | dot -Tsvg > dag.svg"})
public final class ShowCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = {"-s", "--spec"}, paramLabel = "MODULE",
            description = "Spec module (default: [tool.taskgraph].spec in pyproject.toml, else specs.main).")
    String spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            completionCandidates = ValueChoices.Formats.class,
            description = "text, json, mermaid or dot (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    SelectOption select;

    @Mixin
    HelpOption help;

    public ShowCommand(Cli cli) {
        this.cli = cli;
    }

    /** The command with its options already read (a plain show line needs no picocli; see QuickShow). */
    public ShowCommand(Cli cli, String spec, String format) {
        this.cli = cli;
        this.spec = spec;
        this.format = format;
        this.select = new SelectOption(); // no --select: every task (a line with --select goes through picocli)
    }

    @Override
    public Integer call() {
        OverviewFormat chosen = OverviewFormat.parse(format);
        TaskSelection selection = select.selection();
        DiscoveredSpec module = SpecDiscovery.resolve(Optional.ofNullable(spec), cli.workingDirectory());
        SpecOverview overview = new ShowSpec(cli.adapters().specLoader(cli.err()::println))
                .show(new SpecRequest(module.module(), cli.workingDirectory(), Map.of()), selection);
        cli.out().print(chosen.render(overview));
        cli.out().flush();
        if (!overview.valid() && (chosen == OverviewFormat.MERMAID || chosen == OverviewFormat.DOT)) {
            overview.problems().forEach(problem -> cli.err().println("taskgraph: " + problem)); // not in a diagram
        }
        return overview.valid() ? ExitCodes.OK : ExitCodes.USAGE;
    }
}
