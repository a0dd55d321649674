package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.cli.Cli;
import io.taskgraph.adapters.cli.ExitCodes;
import io.taskgraph.application.report.RunReport;
import io.taskgraph.domain.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code taskgraph report DB}: one self-contained HTML page for reviewing the run a workspace recorded. */
@Command(name = "report", sortOptions = false,
        description = {"Write one self-contained HTML page for reviewing a run: the task graph coloured by status; "
                + "per task its figures, cost, validation, final message, the SQL and first rows of each output, and "
                + "its trace; the spec, git commit and rerun lineage.",
            "The page loads nothing from anywhere: it works offline, printed and as an e-mail attachment."},
        footer = {"", "Examples:",
            "  taskgraph report output.db                   # writes output.html",
            "  taskgraph report output.db -o review.html -f"})
public final class ReportCommand implements Callable<Integer> {
    private final Cli cli;

    @Parameters(index = "0", paramLabel = "DB", description = "A workspace .db file written by taskgraph.")
    String db;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the page (default: DB with .db replaced by .html).")
    String output;

    @Option(names = {"-f", "--force"}, description = "Overwrite the output file without asking.")
    boolean force;

    @Mixin
    HelpOption help;

    public ReportCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Path workspace = cli.resolve(db);
        if (!Files.isRegularFile(workspace)) {
            // Before asking about the output: the missing workspace is the problem to report.
            throw new UsageException("No workspace file at " + db + "; give the .db file a taskgraph run wrote.");
        }
        Path out = output == null ? RunReport.defaultOutput(workspace) : cli.resolve(output);
        String shown = output == null ? shownDefault() : output;
        OutputFile.mayReplace(out, shown, force, cli.terminal());
        new RunReport(cli.adapters().sqlEngine(), cli.clock()).write(workspace, out);
        cli.out().println("Wrote " + shown + " (" + kilobytes(out) + "): the report of " + db
                + ". Open it in a browser; it needs no network.");
        return ExitCodes.OK;
    }

    /** The default output as the user would type it: beside DB as they wrote it. */
    private String shownDefault() {
        Path typed = Path.of(db);
        return RunReport.defaultOutput(typed).toString();
    }

    private static String kilobytes(Path file) {
        try {
            return Math.max(1, (Files.size(file) + 512) / 1024) + " KB";
        } catch (IOException e) {
            return "size unknown";
        }
    }
}
