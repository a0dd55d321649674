package io.taskgraph.adapters.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.port.SpecRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** $TASKGRAPH_PYTHON, then ./.venv/bin/python, then python3 on the PATH; too old or missing is a clear error. */
class PythonSelectorTest {
    @TempDir
    Path dir;

    private Path executable(Path file, String body) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void theEnvironmentVariableWinsOverTheVenvAndThePath() throws Exception {
        Path chosen = executable(dir.resolve("tools/py"), "exit 0");
        executable(dir.resolve(".venv/bin/python"), "exit 0");
        assertEquals(new PythonCommand(chosen.toString(), "from $TASKGRAPH_PYTHON"),
                PythonSelector.select(dir, Map.of("TASKGRAPH_PYTHON", chosen.toString(), "PATH", "/usr/bin")));
    }

    @Test
    void aVenvInTheWorkingDirectoryWinsOverThePath() throws Exception {
        Path venv = executable(dir.resolve(".venv/bin/python"), "exit 0");
        assertEquals(new PythonCommand(venv.toString(), "./.venv/bin/python in the working directory"),
                PythonSelector.select(dir, Map.of("PATH", "/usr/bin")));
    }

    @Test
    void otherwisePython3IsFoundOnThePath() throws Exception {
        Path python3 = executable(dir.resolve("bin/python3"), "exit 0");
        assertEquals(new PythonCommand(python3.toString(), "python3 on the PATH"),
                PythonSelector.select(dir, Map.of("PATH", dir.resolve("empty") + ":" + dir.resolve("bin"))));
    }

    @Test
    void noPythonAnywhereSaysWhatWasTried() {
        UsageException e = assertThrows(UsageException.class,
                () -> PythonSelector.select(dir, Map.of("PATH", dir.resolve("nothing").toString())));
        assertEquals("No Python found: TASKGRAPH_PYTHON is not set, there is no ./.venv/bin/python in " + dir
                + ", and python3 is not on the PATH. Set TASKGRAPH_PYTHON to a Python 3.9+ interpreter, create "
                + "./.venv with one, or put python3 on the PATH.", e.getMessage());
    }

    @Test
    void aConfiguredPythonThatDoesNotExistIsNamed() {
        UsageException e = assertThrows(UsageException.class,
                () -> PythonSelector.select(dir, Map.of("TASKGRAPH_PYTHON", "/opt/nope/python")));
        assertEquals("TASKGRAPH_PYTHON=/opt/nope/python is not an executable file (it does not exist). Set "
                + "TASKGRAPH_PYTHON to a Python 3.9+ interpreter, create ./.venv with one, or put python3 on the PATH.",
                e.getMessage());
    }

    @Test
    void aPythonOlderThan39IsRefusedNamingItsVersionAndWhyItWasChosen() throws Exception {
        Path old = executable(dir.resolve(".venv/bin/python"),
                "echo '{\"type\": \"hello\", \"version\": \"3.8.10\", \"executable\": \"old\"}'; cat >/dev/null");
        UsageException e = assertThrows(UsageException.class,
                () -> new PythonSpecLoader(environmentWithoutAChosenPython(), dir, line -> { })
                        .open(SpecRequest.of("specs.main", dir)));
        assertEquals("Python 3.8.10 at " + old + " (./.venv/bin/python in the working directory) is too old: "
                + "Taskgraph needs Python 3.9 or newer. Set TASKGRAPH_PYTHON to a Python 3.9+ interpreter, create "
                + "./.venv with one, or put python3 on the PATH.", e.getMessage());
    }

    @Test
    void aProgramThatIsNotAWorkingPythonIsAUsageErrorWithItsOutput() throws Exception {
        Path broken = executable(dir.resolve(".venv/bin/python"), "echo 'SyntaxError: invalid syntax' >&2; exit 1");
        UsageException e = assertThrows(UsageException.class,
                () -> new PythonSpecLoader(environmentWithoutAChosenPython(), dir, line -> { })
                        .open(SpecRequest.of("specs.main", dir)));
        assertEquals("Python " + broken + " (./.venv/bin/python in the working directory) exited with code 1 while "
                + "starting. Its last output:\n    SyntaxError: invalid syntax Is it a Python 3.9+ interpreter? Set "
                + "TASKGRAPH_PYTHON to a Python 3.9+ interpreter, create ./.venv with one, or put python3 on the PATH.",
                e.getMessage());
    }

    /** This machine's environment, less a $TASKGRAPH_PYTHON its user may have set, which would win over ./.venv. */
    private static Map<String, String> environmentWithoutAChosenPython() {
        Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        environment.remove("TASKGRAPH_PYTHON");
        return environment;
    }
}
