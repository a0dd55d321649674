package io.taskgraph.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.InvalidSpecException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkspaceSpecTest {
    private static final SpecOrigin ORIGIN = new SpecOrigin("specs.main", Path.of("specs", "main.py"), "INPUTS = {}",
            GitInfo.unknown());

    @Test
    void findsTasksAndInputsByName() {
        TaskSpec task = TaskSpec.agent("summarize", "p", List.of("employees"), List.of("department_summary"));
        WorkspaceSpec spec = new WorkspaceSpec(ORIGIN, List.of(InputSpec.of("employees")), List.of(task),
                List.of("report.csv"));
        assertEquals(task, spec.task("summarize").orElseThrow());
        assertTrue(spec.task("other").isEmpty());
        assertEquals("employees", spec.input("employees").orElseThrow().name());
        assertTrue(spec.input("other").isEmpty());
        assertEquals(List.of("report.csv"), spec.exports());
    }

    @Test
    void duplicateTaskNamesAreRejected() {
        TaskSpec first = TaskSpec.agent("summarize", "p", List.of(), List.of("a"));
        TaskSpec second = TaskSpec.agent("summarize", "q", List.of(), List.of("b"));
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> new WorkspaceSpec(ORIGIN, List.of(), List.of(first, second), List.of()));
        assertEquals("Two tasks are named 'summarize'; task names must be unique, rename one of them.", e.getMessage());
    }

    @Test
    void duplicateInputNamesAreRejected() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> new WorkspaceSpec(ORIGIN, List.of(InputSpec.of("sales"), InputSpec.of("sales")), List.of(),
                        List.of()));
        assertEquals("Input 'sales' is declared twice in INPUTS.", e.getMessage());
    }

    @Test
    void inputNamesMustBeSafeIdentifiers() {
        assertEquals("Input name 'my sales' is not a safe SQL identifier; use letters, digits and underscores, "
                        + "starting with a letter or underscore.",
                assertThrows(InvalidSpecException.class, () -> InputSpec.of("my sales")).getMessage());
        assertEquals("Input name 'table' is a reserved SQL word that DuckDB does not accept as a name; choose "
                        + "another name.",
                assertThrows(InvalidSpecException.class, () -> InputSpec.of("table")).getMessage());
    }

    @Test
    void gitInfoKnowsWhetherItKnowsTheCommit() {
        assertFalse(GitInfo.unknown().known());
        assertTrue(new GitInfo(Optional.of("/repo"), Optional.of("abc123"), Optional.of(false)).known());
    }
}
