package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.cli.ExitCodes;
import io.taskgraph.domain.UsageException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code taskgraph completion bash|zsh|fish}: a completion script for the shell, generated from the command model
 * itself, so every command and option is in it (also ones added later). Bash's comes from picocli; zsh runs that same
 * script through its bash compatibility ({@code bashcompinit}, which the script turns on); fish gets its own
 * ({@link FishCompletion}).
 */
@Command(name = "completion", sortOptions = false,
        description = "Print a shell completion script for taskgraph's commands and options.",
        footer = {"", "Examples (put the line in ~/.bashrc, ~/.zshrc or ~/.config/fish/config.fish):",
            "  source <(taskgraph completion bash)",
            "  source <(taskgraph completion zsh)",
            "  taskgraph completion fish | source"})
public final class CompletionCommand implements Callable<Integer> {
    private final Supplier<CommandLine> commands;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", completionCandidates = ValueChoices.Shells.class,
            description = "bash, zsh or fish.")
    String shell;

    @Mixin
    HelpOption help;

    /** {@code commands}: the full command line, every command registered. */
    public CompletionCommand(Supplier<CommandLine> commands) {
        this.commands = commands;
    }

    @Override
    public Integer call() {
        CommandLine all = commands.get();
        String name = all.getCommandName();
        String script = switch (shell.strip().toLowerCase(Locale.ROOT)) {
            case "bash" -> AutoComplete.bash(name, all);
            case "zsh" -> "# zsh completion for " + name + ": the bash script below, which turns on zsh's "
                    + "bashcompinit.\n" + AutoComplete.bash(name, all);
            case "fish" -> FishCompletion.script(all);
            default -> throw new UsageException("Unknown shell '" + shell + "'; use bash, zsh or fish.");
        };
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
