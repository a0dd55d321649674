package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.cli.Cli;
import io.taskgraph.adapters.cli.DebugHelp;
import io.taskgraph.adapters.cli.ExitCodes;
import io.taskgraph.adapters.cli.GlobalOptions;
import io.taskgraph.adapters.cli.progress.ShellWord;
import io.taskgraph.adapters.cli.progress.Style;
import io.taskgraph.application.run.RunOptions;
import io.taskgraph.application.run.RunRequest;
import io.taskgraph.application.run.RunWorkspace;
import io.taskgraph.domain.port.SpecRequest;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code taskgraph demo}: the diamond example end to end with no model, key or network. The agents' answers come
 * from a conversation recorded with the example's reference SQL and shipped in the jar; everything else is the
 * real pipeline: python3 imports the spec, DuckDB ingests, guards and validates, the spec's export writes a CSV.
 */
@Command(name = "demo", sortOptions = false,
        description = {"Run the diamond example offline, replaying a recorded conversation: no API key, no network.",
            "Writes the workspace (default demo.db) and its export profit_report.csv in the current directory."},
        footer = {"", "Examples:",
            "  taskgraph demo",
            "  taskgraph demo -o /tmp/demo.db -f"})
public final class DemoCommand implements Callable<Integer>, DebugHelp {
    /** The model the recording stands in for: no model is called, so the name says where the answers come from. */
    static final String MODEL = "taskgraph/demo-replay";
    static final String EXPORT = "profit_report.csv";

    private final Cli cli;
    private final GlobalOptions global;

    @Option(names = {"-o", "--output"}, paramLabel = "DB", defaultValue = "demo.db",
            description = "Output .db file path (default: ${DEFAULT-VALUE}).")
    String output;

    @Mixin
    OutputOptions outputOptions;

    @Mixin
    HelpOption help;

    public DemoCommand(Cli cli, GlobalOptions global) {
        this.cli = cli;
        this.global = global;
    }

    /** The run options of the demo, shared with the test that records its cassette. */
    static RunOptions options() {
        return RunOptions.defaults(MODEL);
    }

    @Override
    public String debugDescription() {
        return RunExecution.DEBUG_HELP;
    }

    @Override
    public Integer call() {
        Path out = cli.resolve(output);
        boolean replace = OutputFile.mayReplace(out, output, outputOptions.force, cli.terminal());
        if (!outputOptions.quiet) {
            introduce(cli.out());
        }
        int code;
        try (DemoBundle bundle = DemoBundle.extract()) {
            // The spec is imported from the unpacked examples; the workspace and its export go where the user is.
            Cli inExamples = new Cli(bundle.directory(), cli.environment(), cli.out(), cli.err(), cli.terminal(),
                    cli.adapters(), cli.clock());
            CassetteOptions cassette = new CassetteOptions();
            cassette.replay = DemoBundle.CASSETTE_FILE;
            RunRequest request = new RunRequest(new SpecRequest(DemoBundle.SPEC, bundle.directory(), Map.of()), out,
                    replace, options().withReplay(true));
            code = new RunExecution(inExamples, global, outputOptions, cassette).execute(output, "",
                    (llm, listener, control) -> new RunWorkspace(
                            cli.adapters().specLoader(cli.err()::println), cli.adapters().workbookReader(),
                            cli.adapters().sqlEngine(), llm, listener, cli.clock()).run(request, control));
        }
        if (code == ExitCodes.OK) {
            nextSteps(out, cli.out());
        }
        return code;
    }

    private void introduce(PrintStream out) {
        Style style = new Style(cli.terminal().color(), cli.terminal().unicode());
        out.println(style.bold("Taskgraph demo: a REPLAY of a recorded run of the diamond example (examples/specs/diamond.py)."));
        out.println("  prep splits a cafe's till export into sales and costs; sales and costs summarise them by month");
        out.println("  at the same time; report joins both into a monthly profit report, exported as " + EXPORT + ".");
        out.println("  The agents' answers are replayed from a recording shipped with taskgraph: no model is called and");
        out.println("  no API key or network is needed. The rest is real: python3 loads the spec, DuckDB ingests the");
        out.println("  data, runs each agent's SQL under its namespace guard and validates every view.");
        out.println();
    }

    private void nextSteps(Path out, PrintStream print) {
        Style style = new Style(cli.terminal().color(), cli.terminal().unicode());
        Path export = out.toAbsolutePath().getParent().resolve(EXPORT);
        Optional<Path> examples = repositoryExamples();
        List<String[]> look = new ArrayList<>();
        look.add(new String[] {"taskgraph query " + ShellWord.quote(output) + " \"SELECT * FROM profit_report\"",
            "the monthly report the agents built"});
        if (Files.isRegularFile(export)) {
            look.add(new String[] {"cat " + ShellWord.quote(shown(export)), "the same report, written by the spec's export"});
        }
        String live = examples.map(dir -> "cd " + ShellWord.quote(shown(dir))).orElse("cd examples")
                + " && ../taskgraph run --spec " + DemoBundle.SPEC + " -o diamond.db";
        int width = look.stream().mapToInt(l -> l[0].length()).max().orElse(0);
        print.println();
        print.println("The demo's result:");
        look.forEach(l -> print.println("  " + l[0] + " ".repeat(width - l[0].length() + 3) + style.dim("# " + l[1])));
        print.println("Run the same spec live with a real model (export OPENROUTER_API_KEY=sk-or-... first)"
                + (examples.isPresent() ? ":" : ", from the taskgraph repository:"));
        print.println("  " + live);
    }

    /** A path as short as the user can type it: relative when it is under the working directory. */
    private String shown(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path here = cli.workingDirectory().toAbsolutePath().normalize();
        return absolute.startsWith(here) && !absolute.equals(here) ? here.relativize(absolute).toString()
                : absolute.toString();
    }

    /**
     * The repository's {@code examples/}, found from where this class was loaded ({@code adapters-cli/target/...} of
     * a checkout), when it is there beside the launcher.
     */
    private static Optional<Path> repositoryExamples() {
        try {
            Path loadedFrom = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = loadedFrom.getParent();
            Path root = target == null || target.getParent() == null ? null : target.getParent().getParent();
            if (root != null && Files.isRegularFile(root.resolve("taskgraph"))
                    && Files.isRegularFile(root.resolve("examples/specs/diamond.py"))) {
                return Optional.of(root.resolve("examples"));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // a jar loaded from somewhere unusual: the generic hint below says where to look
        }
        return Optional.empty();
    }
}
