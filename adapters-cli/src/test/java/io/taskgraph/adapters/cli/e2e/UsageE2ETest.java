package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets first on the real jar: typos, help, and taskgraph without a command. */
@Tag("e2e")
class UsageE2ETest {
    @TempDir
    Path dir;

    @Test
    void misspeltCommandsAndOptionsSuggestWhatWasMeant() throws Exception {
        Taskgraph taskgraph = new Taskgraph(dir);

        Taskgraph.Result command = taskgraph.run("rn", "-o", "x.db");
        Taskgraph.Result option = taskgraph.run("run", "--outptu", "x.db");
        Taskgraph.Result nested = taskgraph.run("serve", "--keep-run", "5");

        assertEquals(2, command.exitCode(), command.all());
        assertEquals("taskgraph: Unknown command 'rn'; did you mean 'run'?\nRun 'taskgraph --help' for the options.\n",
                command.err());
        assertEquals(2, option.exitCode(), option.all());
        assertEquals("taskgraph: Unknown option '--outptu'; did you mean '--output'?\n"
                + "Run 'taskgraph run --help' for the options.\n", option.err());
        assertTrue(nested.err().startsWith("taskgraph: Unknown option '--keep-run'; did you mean '--keep-runs'?"),
                nested.all());
    }

    @Test
    void taskgraphWithoutACommandPrintsTheHelpToStderrAndExitsTwo() throws Exception {
        Taskgraph.Result r = new Taskgraph(dir).run();

        assertEquals(2, r.exitCode(), r.all());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("Usage: taskgraph [-hV] [--debug] [COMMAND]"), r.all());
    }

    @Test
    void helpKeepsExamplesWholeAndSaysWhatEachCommandDoes() throws Exception {
        Taskgraph taskgraph = new Taskgraph(dir);

        String run = taskgraph.run("run", "--help").out();
        String serve = taskgraph.run("serve", "--help").out();
        String init = taskgraph.run("init", "--help").out();

        assertTrue(run.contains("\n  taskgraph run -o output.db -m anthropic/claude-sonnet-4\n"), run);
        assertTrue(run.replaceAll("\\s+", " ").contains("-m, --model=MODEL LLM model via OpenRouter (default: "
                + "openai/gpt-5.2)."), run);
        assertFalse(run.contains("rerun"), "run's help speaks of run only:\n" + run);
        assertTrue(serve.contains("--port=PORT") && serve.contains("--host=HOST"), serve);
        assertFalse(serve.contains("<"), serve);
        assertTrue(init.contains("Show the stack trace when an error is reported."), init);
        assertFalse(init.contains("SQL statement"), init);
    }
}
