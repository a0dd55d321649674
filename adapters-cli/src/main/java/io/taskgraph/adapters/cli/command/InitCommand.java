package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.cli.Cli;
import io.taskgraph.adapters.cli.ExitCodes;
import io.taskgraph.application.init.InitProject;
import io.taskgraph.application.init.InitResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code taskgraph init}: a starter spec package in the current Python project. */
@Command(name = "init", description = {"Scaffold specs/__init__.py and a working specs/main.py (and a .gitignore when there is none) "
                + "in the current directory, which must hold a pyproject.toml."},
        footer = {"", "Example:", "  taskgraph init && taskgraph show && taskgraph run -o output.db"})
public final class InitCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = {"-f", "--force"}, description = "Replace an existing specs/main.py with the starter spec.")
    boolean force;

    @Mixin
    HelpOption help;

    public InitCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        InitResult result = new InitProject().init(cli.workingDirectory(), force);
        PrintStream out = cli.out();
        result.written().forEach(f -> out.println("  created  " + relative(result.directory(), f)));
        result.kept().forEach(f -> out.println("  kept     " + relative(result.directory(), f)));
        result.notes().forEach(n -> out.println("note: " + n));
        out.println();
        out.println("Next:");
        out.println("  taskgraph show                 # the inputs, tasks and checks of " + result.specModule());
        out.println("  taskgraph run -o output.db     # needs OPENROUTER_API_KEY in the environment or in .env");
        return ExitCodes.OK;
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString();
    }
}
