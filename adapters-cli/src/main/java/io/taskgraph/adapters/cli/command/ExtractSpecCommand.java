package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.cli.Cli;
import io.taskgraph.adapters.cli.ExitCodes;
import io.taskgraph.application.extract.ExtractSpec;
import io.taskgraph.application.extract.ExtractedSpec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code taskgraph extract-spec DB OUT}: the spec source a workspace recorded, written back byte for byte. */
@Command(name = "extract-spec", description = "Extract the embedded spec source from a .db file back to Python.",
        footer = {"", "Example:", "  taskgraph extract-spec output.db extracted_spec.py"})
public final class ExtractSpecCommand implements Callable<Integer> {
    private final Cli cli;

    @Parameters(index = "0", paramLabel = "DB", description = "A workspace .db file written by taskgraph.")
    String db;

    @Parameters(index = "1", paramLabel = "OUT", description = "The Python file to write.")
    String out;

    @Option(names = {"-f", "--force"}, description = "Overwrite OUT if it exists.")
    boolean force;

    @Mixin
    HelpOption help;

    public ExtractSpecCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        ExtractedSpec extracted = new ExtractSpec(cli.adapters().sqlEngine()).extract(cli.resolve(db), cli.resolve(out), force);
        cli.out().println("Wrote " + out + " (" + extracted.bytes() + " bytes): the source of spec "
                + extracted.module().orElse("(module not recorded)")
                + extracted.gitCommit().map(c -> " at git commit " + c).orElse("") + ".");
        return ExitCodes.OK;
    }
}
