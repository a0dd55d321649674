package io.taskgraph.application.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitProjectTest {
    @TempDir
    Path dir;

    private final InitProject init = new InitProject();

    @Test
    void scaffoldsSpecPackageAndGitignoreInAPythonProject() throws IOException {
        pyproject();

        InitResult result = init.init(dir, false);

        assertEquals(List.of(dir.resolve("specs/__init__.py"), dir.resolve("specs/main.py"), dir.resolve(".gitignore")),
                result.written());
        assertEquals(List.of(), result.kept());
        assertEquals("specs.main", result.specModule());
        assertEquals(List.of(), result.notes());
        assertEquals("", Files.readString(dir.resolve("specs/__init__.py")));
        assertEquals(InitProject.template(), Files.readString(dir.resolve("specs/main.py")));
        List<String> ignored = Files.readAllLines(dir.resolve(".gitignore"));
        assertTrue(ignored.contains("*.db") && ignored.contains(".env"), ignored.toString());
    }

    @Test
    void starterSpecImportsInPythonWithTheDeclaredInputsAndTasks() throws Exception {
        pyproject();
        init.init(dir, false);

        Process python = new ProcessBuilder("python3", "-c", """
                import specs.main as m
                print(sorted(m.INPUTS), [t["name"] for t in m.TASKS], m.TASKS[0]["outputs"], len(m.INPUTS["orders"]["data"]))
                """).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertEquals(0, python.waitFor(), out);
        assertEquals("['orders'] ['revenue'] ['region_revenue'] 7", out);
    }

    @Test
    void withoutPyprojectItSaysHowToStartAProject() {
        UsageException e = assertThrows(UsageException.class, () -> init.init(dir, false));

        assertEquals("No pyproject.toml in " + dir.toAbsolutePath().normalize() + ". taskgraph init adds a spec "
                + "package to a Python project; start one first (uv init, or a pyproject.toml with a [project] table "
                + "holding name and version), then run taskgraph init again.", e.getMessage());
        assertTrue(Files.notExists(dir.resolve("specs")));
    }

    @Test
    void refusesToReplaceAnExistingSpecAndNamesIt() throws IOException {
        pyproject();
        Files.createDirectories(dir.resolve("specs"));
        Files.writeString(dir.resolve("specs/main.py"), "# my work\n");

        UsageException e = assertThrows(UsageException.class, () -> init.init(dir, false));

        assertTrue(e.getMessage().startsWith("specs/main.py already exists in " + dir.toAbsolutePath().normalize()),
                e.getMessage());
        assertTrue(e.getMessage().contains("taskgraph init --force"), e.getMessage());
        assertEquals("# my work\n", Files.readString(dir.resolve("specs/main.py")));
        assertTrue(Files.notExists(dir.resolve("specs/__init__.py")), "nothing is written when init refuses");
    }

    @Test
    void forceReplacesTheSpecButKeepsThePackageInitAndGitignore() throws IOException {
        pyproject();
        Files.createDirectories(dir.resolve("specs"));
        Files.writeString(dir.resolve("specs/main.py"), "# my work\n");
        Files.writeString(dir.resolve("specs/__init__.py"), "VERSION = 1\n");
        Files.writeString(dir.resolve(".gitignore"), "build/\n");

        InitResult result = init.init(dir, true);

        assertEquals(List.of(dir.resolve("specs/main.py")), result.written());
        assertEquals(List.of(dir.resolve("specs/__init__.py"), dir.resolve(".gitignore")), result.kept());
        assertEquals(InitProject.template(), Files.readString(dir.resolve("specs/main.py")));
        assertEquals("VERSION = 1\n", Files.readString(dir.resolve("specs/__init__.py")));
        assertEquals("build/\n", Files.readString(dir.resolve(".gitignore")));
        assertEquals(List.of(".gitignore was left as it was; consider adding *.db and .env so workspaces and API keys "
                + "stay out of git."), result.notes());
    }

    @Test
    void runningInitTwiceIsHarmless() throws IOException {
        pyproject();
        init.init(dir, false);

        InitResult again = init.init(dir, false);

        assertEquals(List.of(), again.written());
        assertEquals(3, again.kept().size());
    }

    @Test
    void notesWhenPyprojectPointsDiscoveryElsewhere() throws IOException {
        Files.writeString(dir.resolve("pyproject.toml"), "[tool.taskgraph]\nspec = \"my_app.specs.jan\"\n");

        InitResult result = init.init(dir, false);

        assertEquals("my_app.specs.jan", result.specModule());
        assertEquals(List.of("pyproject.toml sets [tool.taskgraph] spec = \"my_app.specs.jan\", so taskgraph run loads "
                + "that module; pass --spec specs.main to run the new one."), result.notes());
    }

    private void pyproject() throws IOException {
        Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"demo\"\nversion = \"0.1.0\"\n");
    }
}
