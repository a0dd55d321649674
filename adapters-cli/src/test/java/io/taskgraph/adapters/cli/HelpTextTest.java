package io.taskgraph.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.cli.InProcessCli.Outcome;
import io.taskgraph.adapters.cli.progress.Terminal;
import io.taskgraph.domain.run.RunDefaults;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Every command's {@code --help}, read from the command model, so commands added later are held to it too. */
class HelpTextTest {
    private static final Pattern LABEL = Pattern.compile("[A-Z][A-Z0-9_-]*");

    @TempDir
    Path dir;

    private final InProcessCli cli = new InProcessCli();

    private CommandLine all() {
        return TaskgraphCommand.commandLine(new Cli(dir, Map.of(), System.out, System.err, Terminal.plain(), cli,
                Clock.systemUTC()));
    }

    private String help(String command) {
        Outcome o = cli.run(dir, command, "--help");
        assertEquals(0, o.exitCode(), o.err());
        return o.out();
    }

    @Test
    void everyExampleOfEveryCommandStaysOnOneLineAndNoLineIsWiderThanTheHelp() {
        for (Map.Entry<String, CommandLine> command : all().getSubcommands().entrySet()) {
            String help = help(command.getKey());
            int width = command.getValue().getUsageHelpWidth();
            for (String line : help.lines().toList()) {
                assertTrue(line.length() <= width, command.getKey() + " --help has a line of " + line.length()
                        + " columns:\n" + line);
            }
            for (String footer : command.getValue().getCommandSpec().usageMessage().footer()) {
                if (footer.strip().startsWith("taskgraph ") || footer.strip().startsWith("source ")) {
                    assertTrue(help.lines().anyMatch(line -> line.equals(footer)),
                            () -> command.getKey() + " --help wraps the example\n" + footer + "\nin:\n" + help);
                }
            }
        }
    }

    /** A dotted name in a description (a module, a file, a setting) that help breaks at a dot reads as two words. */
    private static final Pattern DOTTED = Pattern.compile("[\\w\\[\\]/]+(?:\\.[\\w\\[\\]/]+)+");

    @Test
    void noDottedNameInAnyDescriptionIsBrokenAcrossLines() {
        for (Map.Entry<String, CommandLine> command : all().getSubcommands().entrySet()) {
            List<String> lines = help(command.getKey()).lines().toList();
            for (ArgSpec arg : command.getValue().getCommandSpec().args()) {
                for (String text : arg.description()) {
                    Matcher name = DOTTED.matcher(text);
                    while (name.find()) {
                        String dotted = name.group();
                        assertTrue(lines.stream().anyMatch(line -> line.contains(dotted)),
                                command.getKey() + " --help breaks " + dotted + ":\n" + String.join("\n", lines));
                    }
                }
            }
        }
    }

    @Test
    void everyParameterOfEveryCommandHasAnUppercaseLabel() {
        for (CommandLine command : all().getSubcommands().values()) {
            CommandSpec spec = command.getCommandSpec();
            List<ArgSpec> args = spec.args();
            for (ArgSpec arg : args) {
                if (arg.arity().max() > 0 && !arg.paramLabel().isEmpty() && !(arg.isOption() && arg.typeInfo().isBoolean())) {
                    assertTrue(LABEL.matcher(arg.paramLabel()).matches(), spec.qualifiedName() + ": "
                            + (arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : "a parameter")
                            + " is labelled " + arg.paramLabel());
                }
            }
        }
        assertTrue(help("serve").contains("--port=PORT"), help("serve"));
        assertTrue(help("serve").contains("--host=HOST"), help("serve"));
    }

    @Test
    void eachCommandSaysWhatDebugDoesThere() {
        String init = help("init").replaceAll("\\s+", " ");
        assertTrue(init.contains("--debug, --verbose Show the stack trace when an error is reported."), init);
        assertFalse(init.contains("SQL"), init);
        String run = help("run").replaceAll("\\s+", " ");
        assertTrue(run.contains("every model call and SQL statement the agents make"), run);
        String serve = help("serve").replaceAll("\\s+", " ");
        assertTrue(serve.contains("the web server's own log"), serve);
    }

    @Test
    void theModelDefaultIsEachCommandsOwn() {
        String run = help("run").replaceAll("\\s+", " ");
        String rerun = help("rerun").replaceAll("\\s+", " ");
        assertTrue(run.contains("-m, --model=MODEL LLM model via OpenRouter (default: " + RunDefaults.MODEL + ")."), run);
        assertFalse(run.contains("workspace recorded"), run);
        assertTrue(rerun.contains("-m, --model=MODEL LLM model via OpenRouter (default: the model the previous "
                + "workspace recorded)."), rerun);
    }

    @Test
    void theNoProgressLimitHasItsDefaultFromRunDefaults() {
        String run = help("run").replaceAll("\\s+", " ");
        assertTrue(run.contains("--max-idle-turns=N Stop a task's agent after N turns in a row without progress"), run);
        assertTrue(run.contains("(default: " + RunDefaults.MAX_IDLE_TURNS + "; 0: never)"), run);
    }
}
