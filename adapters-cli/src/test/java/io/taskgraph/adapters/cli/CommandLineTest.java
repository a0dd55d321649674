package io.taskgraph.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.cli.InProcessCli.Outcome;
import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.testing.InMemorySpec;
import io.taskgraph.domain.testing.InMemorySpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class CommandLineTest {
    @TempDir
    Path dir;

    private final InProcessCli cli = new InProcessCli();

    @BeforeEach
    void conventionalSpec() throws IOException {
        Files.createDirectories(dir.resolve("specs"));
        Files.writeString(dir.resolve("specs/main.py"), "INPUTS = {}\nTASKS = []\n");
    }

    /** A spec whose one task is an agent's: a run of it needs the model. */
    private void agentSpec() {
        cli.specs = InMemorySpecLoader.create().module(InMemorySpec.module("specs.main")
                .task(TaskSpec.agent("summary", "Summarise.", List.of(), List.of("summary_out"))).build());
    }

    @Test
    void unknownOptionIsAUsageErrorWithTheOptionItResemblesAndAPointerToHelp() {
        Outcome o = cli.run(dir, "run", "-o", "out.db", "--modle", "x");

        assertEquals(2, o.exitCode());
        assertEquals("taskgraph: Unknown option '--modle'; did you mean '--model'?\n"
                + "Run 'taskgraph run --help' for the options.\n", o.err());
    }

    @Test
    void aMisspeltCommandSuggestsTheCommand() {
        Outcome o = cli.run(dir, "rn", "-o", "x.db");

        assertEquals(2, o.exitCode());
        assertEquals("taskgraph: Unknown command 'rn'; did you mean 'run'?\nRun 'taskgraph --help' for the options.\n",
                o.err());
    }

    @Test
    void aMisspeltRequiredOptionIsReportedAsTheTypoItIsNotAsMissing() {
        Outcome o = cli.run(dir, "run", "--outptu", "x.db");

        assertEquals(2, o.exitCode());
        assertEquals("taskgraph: Unknown option '--outptu'; did you mean '--output'?\n"
                + "Run 'taskgraph run --help' for the options.\n", o.err());
    }

    @Test
    void optionValuesThatLookLikeOptionsAreNotTypos() {
        Outcome o = cli.run(dir, "run", "-o", "out.db", "--concurrency", "-1");

        assertEquals(2, o.exitCode());
        assertEquals("taskgraph: --concurrency must be 0 (no cap) or a positive number (got -1).\n", o.err());
    }

    @Test
    void everyCommandAndEveryOptionOfEveryCommandIsSuggestedForASlipOfIt() {
        CommandLine all = TaskgraphCommand.commandLine(new Cli(dir, Map.of(), System.out, System.err,
                io.taskgraph.adapters.cli.progress.Terminal.plain(), cli, java.time.Clock.systemUTC()));
        assertTrue(all.getSubcommands().size() >= 9, all.getSubcommands().keySet().toString());
        for (Map.Entry<String, CommandLine> command : all.getSubcommands().entrySet()) {
            String name = command.getKey();
            Outcome mistyped = cli.run(dir, slip(name));
            assertTrue(mistyped.err().contains("did you mean") && mistyped.err().contains("'" + name + "'"),
                    slip(name) + " -> " + mistyped.err());
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                String longest = option.longestName();
                if (!longest.startsWith("--") || longest.length() < 5) {
                    continue;
                }
                Outcome o = cli.run(dir, name, slip(longest));
                assertEquals(2, o.exitCode(), name + " " + slip(longest));
                assertTrue(o.err().startsWith("taskgraph: Unknown option '" + slip(longest) + "'; did you mean "),
                        name + " " + slip(longest) + " -> " + o.err());
                assertTrue(o.err().contains("'" + longest + "'"), name + " " + slip(longest) + " -> " + o.err());
            }
        }
    }

    /** {@code word} with its last two letters swapped: the commonest slip of all. */
    private static String slip(String word) {
        int n = word.length();
        return word.substring(0, n - 2) + word.charAt(n - 1) + word.charAt(n - 2);
    }

    @Test
    void aBareTaskgraphPrintsTheHelpToStderrAndExitsTwo() {
        Outcome o = cli.run(dir);

        assertEquals(2, o.exitCode());
        assertEquals("", o.out());
        assertTrue(o.err().startsWith("Usage: taskgraph [-hV] [--debug] [COMMAND]"), o.err());
        assertTrue(o.err().contains("Commands:") && o.err().contains("completion"), o.err());
    }

    @Test
    void missingOutputIsAUsageError() {
        Outcome o = cli.run(dir, "run");

        assertEquals(2, o.exitCode());
        assertEquals("taskgraph: Missing required option: '--output=DB'\nRun 'taskgraph run --help' for the options.\n", o.err());
    }

    @Test
    void queryTraceAndReportRefuseBadArgumentsBeforeOpeningAnything() throws IOException {
        Outcome format = cli.run(dir, "query", "out.db", "SELECT 1", "--format", "xml");
        assertEquals(2, format.exitCode());
        assertEquals("taskgraph: Unknown format 'xml'; use table, csv or json.\n", format.err());

        Outcome rows = cli.run(dir, "query", "out.db", "SELECT 1", "--max-rows", "-1");
        assertEquals(2, rows.exitCode());
        assertEquals("taskgraph: --max-rows must be 0 (all rows) or more, not -1.\n", rows.err());

        Outcome noDb = cli.run(dir, "trace");
        assertEquals(2, noDb.exitCode());
        assertTrue(noDb.err().startsWith("taskgraph: Missing required parameter: 'DB'"), noDb.err());

        Files.writeString(dir.resolve("out.html"), "an earlier report");
        Outcome missing = cli.run(dir, "report", "out.db");
        assertEquals(2, missing.exitCode());
        assertEquals("taskgraph: No workspace file at out.db; give the .db file a taskgraph run wrote.\n", missing.err());
        assertEquals("an earlier report", Files.readString(dir.resolve("out.html")));
        assertEquals(List.of(), cli.requested, "no database was opened");
    }

    @Test
    void missingApiKeyStopsBeforeAnythingStartsWithoutAStackTrace() {
        agentSpec();
        Outcome o = cli.run(dir, "run", "-o", "out.db");

        assertEquals(2, o.exitCode());
        assertEquals("taskgraph: No OpenRouter API key is set.\n", o.err());
        assertEquals("specLoader", cli.requested.get(0), "the spec decides whether the key is needed");
        assertEquals("openRouter", cli.requested.get(cli.requested.size() - 1), cli.requested.toString());
        assertFalse(Files.exists(dir.resolve("out.db")));
    }

    @Test
    void debugAddsTheStackTraceWhereverTheFlagIsWritten() {
        agentSpec();
        Outcome after = cli.run(dir, "run", "-o", "out.db", "--debug");
        Outcome before = cli.run(dir, "--verbose", "run", "-o", "out.db");

        for (Outcome o : List.of(after, before)) {
            assertEquals(2, o.exitCode());
            assertTrue(o.err().startsWith("taskgraph: No OpenRouter API key is set.\nio.taskgraph.domain.LlmException: "), o.err());
            assertTrue(o.err().contains("\tat io.taskgraph.adapters.cli.InProcessCli.openRouter"), o.err());
        }
    }

    @Test
    void specErrorsExitTwoWithTheirMessage() {
        cli.specLoaderFailure = () -> new InvalidSpecException("Spec module 'specs.main' failed to import: line 3: SyntaxError");

        Outcome o = cli.run(dir, "show");

        assertEquals(2, o.exitCode());
        assertEquals("taskgraph: Spec module 'specs.main' failed to import: line 3: SyntaxError\n", o.err());
    }

    @Test
    void unexpectedExceptionsAreReportedAsBugsWithExitOne() {
        cli.specLoaderFailure = () -> new IllegalStateException("boom");

        Outcome o = cli.run(dir, "show");

        assertEquals(1, o.exitCode());
        assertEquals("taskgraph: internal error: java.lang.IllegalStateException: boom\n"
                + "This is a bug in taskgraph; rerun with --debug for the stack trace and report it.\n", o.err());
    }

    @Test
    void showNeedsOnlyTheSpecLoader() {
        cli.specLoaderFailure = () -> new InvalidSpecException("stop here");

        cli.run(dir, "show", "--format", "dot");

        assertEquals(List.of("specLoader"), cli.requested);
    }

    @Test
    void existingOutputIsRefusedWithoutATerminalUnlessForced() throws IOException {
        agentSpec();
        Files.writeString(dir.resolve("out.db"), "previous run");

        Outcome refused = cli.run(dir, "run", "-o", "out.db");
        Outcome forced = cli.run(dir, "run", "-o", "out.db", "-f");

        assertEquals(2, refused.exitCode());
        assertEquals("taskgraph: Output out.db already exists; pass -f (--force) to overwrite it, or choose another -o path.\n",
                refused.err());
        assertEquals("taskgraph: No OpenRouter API key is set.\n", forced.err(), "with -f the run goes on to the model setup");
        assertEquals("previous run", Files.readString(dir.resolve("out.db")));
    }

    @Test
    void recordAndReplayTogetherAreRefused() {
        Outcome o = cli.run(dir, "run", "-o", "out.db", "--llm-record", "a.jsonl", "--llm-replay", "b.jsonl");

        assertEquals(2, o.exitCode());
        assertTrue(o.err().startsWith("taskgraph: --llm-record and --llm-replay cannot be used together"), o.err());
        assertEquals(List.of(), cli.requested);
    }

    @Test
    void replayNeedsNoApiKey() {
        agentSpec();
        Outcome o = cli.run(dir, "run", "-o", "out.db", "--llm-replay", "demo.jsonl");

        assertEquals("specLoader", cli.requested.get(0), cli.requested.toString());
        assertEquals("replay", cli.requested.get(cli.requested.size() - 1), cli.requested.toString());
        assertFalse(cli.requested.contains("openRouter"), cli.requested.toString());
        assertEquals("taskgraph: The cassette demo.jsonl does not exist.\n", o.err());
    }

    @Test
    void badReasoningEffortNamesTheChoices() {
        Outcome o = cli.run(dir, "run", "-o", "out.db", "--reasoning-effort", "extreme");

        assertEquals(2, o.exitCode());
        assertEquals("taskgraph: Unknown reasoning effort 'extreme'; use low, medium or high.\n", o.err());
    }

    @Test
    void rerunOfAMissingWorkspaceNamesIt() {
        Outcome o = cli.run(dir, "rerun", "jan.db", "-o", "feb.db");

        assertEquals(2, o.exitCode());
        assertEquals("taskgraph: No workspace file at jan.db; give the .db file a previous taskgraph run wrote.\n", o.err());
    }

    @Test
    void rerunRefusesToWriteOverItsSource() throws IOException {
        Files.writeString(dir.resolve("jan.db"), "x");

        Outcome o = cli.run(dir, "rerun", "jan.db", "-o", "./jan.db", "-f");

        assertEquals(2, o.exitCode());
        assertTrue(o.err().startsWith("taskgraph: The output ./jan.db is the workspace being rerun"), o.err());
    }

    @Test
    void badRerunModeNamesTheChoices() throws IOException {
        Files.writeString(dir.resolve("jan.db"), "x");

        Outcome o = cli.run(dir, "rerun", "jan.db", "-o", "feb.db", "--mode", "fast");

        assertEquals(2, o.exitCode());
        assertEquals("taskgraph: Unknown rerun mode 'fast'; use validate, changed or review.\n", o.err());
    }

    @Test
    void noSpecToFindNamesBothWaysToChooseOne() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        Outcome o = cli.run(empty, "show");

        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("--spec my_app.specs.main") && o.err().contains("[tool.taskgraph]"), o.err());
    }

    @Test
    void helpAndVersionExitZero() {
        Outcome help = cli.run(dir, "--help");
        Outcome version = cli.run(dir, "--version");

        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("Commands:") && help.out().contains("extract-spec"), help.out());
        assertTrue(help.out().contains("130   stopped by Ctrl-C"), help.out());
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("taskgraph "), version.out());
    }
}
