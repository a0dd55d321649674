package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code taskgraph completion bash|zsh|fish} from the real jar, loaded into the real shells (bash, zsh and fish;
 * {@code .ci/run} installs the last two), which are asked to complete a few words as a person pressing Tab would.
 */
@Tag("e2e")
class CompletionE2ETest {
    @TempDir
    Path dir;

    private Path script(String shell) throws Exception {
        Taskgraph.Result r = new Taskgraph(dir).run("completion", shell);
        assertEquals(0, r.exitCode(), r.all());
        Path file = dir.resolve("taskgraph." + shell);
        Files.writeString(file, r.out());
        return file;
    }

    /** What bash's completion function offers for {@code words}, the last one being completed. */
    private String bash(Path script, String... words) throws Exception {
        return shell(List.of("bash", "-c", "source " + script + "; COMP_WORDS=(" + String.join(" ", words) + "); "
                + "COMP_CWORD=" + (words.length - 1) + "; COMP_LINE='" + String.join(" ", words) + "'; "
                + "COMP_POINT=${#COMP_LINE}; _complete_taskgraph; printf '%s\\n' \"${COMPREPLY[@]}\""));
    }

    @Test
    void bashCompletesCommandsOptionsAndTheirValues() throws Exception {
        Path script = script("bash");
        assertEquals("run\n", bash(script, "taskgraph", "ru"));
        assertEquals("--output\n", bash(script, "taskgraph", "run", "--out"));
        assertEquals("--max-idle-turns\n--max-iterations\n",
                sorted(bash(script, "taskgraph", "rerun", "--max-i")));
        assertEquals("medium\n", bash(script, "taskgraph", "run", "--reasoning-effort", "me"));
        assertEquals("fish\n", bash(script, "taskgraph", "completion", "fi"));
    }

    @Test
    void zshLoadsTheSameScriptThroughBashcompinitAndOffersEachCommandsOptions() throws Exception {
        Path script = script("zsh");
        // zsh's bashcompinit calls the function with ksharrays on and filters the words by what was typed itself.
        String zsh = shell(List.of("zsh", "-c", "autoload -U +X compinit && compinit -u; source " + script + "; "
                + "print -r -- \"registered: $_comps[taskgraph]\"; setopt ksharrays; "
                + "COMP_WORDS=(taskgraph run --); COMP_CWORD=2; COMP_LINE='taskgraph run --'; "
                + "COMP_POINT=${#COMP_LINE}; _complete_taskgraph; print -l -- \"${COMPREPLY[@]}\""));
        assertTrue(zsh.startsWith("registered: _bash_complete -F _complete_taskgraph"), zsh);
        for (String option : List.of("--output", "--spec", "--model", "--max-idle-turns", "--llm-replay")) {
            assertTrue(zsh.lines().anyMatch(option::equals), option + " in:\n" + zsh);
        }
    }

    @Test
    void fishCompletesCommandsWithTheirDescriptionsAndOptionValues() throws Exception {
        Path script = script("fish");
        String fish = shell(List.of("fish", "-c", "source " + script + "; complete -C 'taskgraph ru'; echo ---; "
                + "complete -C 'taskgraph run --out'; echo ---; complete -C 'taskgraph show --format '; echo ---; "
                + "complete -C 'taskgraph serve --p'"));
        List<String> parts = List.of(fish.split("---\n"));
        assertEquals("run\tRun a workspace spec from scratch: ingest, run an agent per task, validate, export\n",
                parts.get(0));
        assertEquals("--output\tOutput .db file path\n", parts.get(1));
        assertEquals("dot\njson\nmermaid\ntext\n", sorted(parts.get(2).replaceAll("\t.*", "")));
        assertEquals("--port\tPort to listen on (default: 8000)\n", parts.get(3));
    }

    @Test
    void anUnknownShellIsAUsageErrorNamingTheThree() throws Exception {
        Taskgraph.Result r = new Taskgraph(dir).run("completion", "powershell");
        assertEquals(2, r.exitCode(), r.all());
        assertEquals("taskgraph: Unknown shell 'powershell'; use bash, zsh or fish.\n", r.err());
    }

    /**
     * What {@code command} prints on stdout. Its stderr is left out: called outside a real Tab press, bash's
     * {@code compopt} complains that no completion is running, which says nothing about the script.
     */
    private String shell(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), command.get(0) + " did not finish: " + out);
        return out;
    }

    private static String sorted(String lines) {
        return String.join("\n", lines.lines().sorted().toList()) + "\n";
    }
}
