package io.taskgraph.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskgraph.application.rerun.FingerprintMismatchException;
import io.taskgraph.application.run.RunCancelledException;
import io.taskgraph.application.testing.ExceptionClasses;
import io.taskgraph.domain.ErrorCategory;
import io.taskgraph.domain.InputValidationException;
import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.LlmException;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.graph.GraphException;
import io.taskgraph.domain.graph.UnknownTaskException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every exception a command can meet gets the exit code its category says, the same classification the web app's
 * HTTP statuses follow (adapters-web's ErrorMappingTest holds the twin table): 2 when the user can fix it, 1 when
 * the model server failed or taskgraph has a bug. A new exception class fails
 * {@link #theTableNamesEveryTaskgraphExceptionClass} until it is given a row here.
 */
class ErrorReporterTest {
    private static final Map<Exception, Integer> EXIT_CODE = new LinkedHashMap<>();

    static {
        EXIT_CODE.put(new UsageException("--llm-record and --llm-replay cannot be used together"), 2);
        EXIT_CODE.put(new InvalidSpecException("TASKS[0] has no name"), 2);
        EXIT_CODE.put(new InputValidationException(List.of("sales: amount is NULL in 3 rows")), 2);
        EXIT_CODE.put(new GraphException(List.of("cycle: a -> b -> a")), 2);
        EXIT_CODE.put(new FingerprintMismatchException("jan.db", "specs.feb", List.of("task a: outputs differ")), 2);
        EXIT_CODE.put(new UnknownTaskException("lod", List.of("load", "report")), 2);
        EXIT_CODE.put(new WorkspaceException(ErrorCategory.BAD_INPUT, "x.db is not a Taskgraph workspace"), 2);
        EXIT_CODE.put(new WorkspaceException(ErrorCategory.NOT_FOUND, "The workspace file x.db does not exist."), 2);
        EXIT_CODE.put(new WorkspaceException(ErrorCategory.CONFLICT, "The workspace file out.db already exists."), 2);
        EXIT_CODE.put(new WorkspaceException("Could not write the workspace x.db to disk: no space left"), 2);
        EXIT_CODE.put(new LlmException("No OpenRouter API key is set.", true), 2);
        EXIT_CODE.put(new LlmException("The model server kept failing after 8 attempts.", false), 1);
        EXIT_CODE.put(new IllegalStateException("a bug"), 1);
        // run and rerun catch it (Ctrl-C before any task started, exit 130); anywhere else it is a bug.
        EXIT_CODE.put(new RunCancelledException(null), 1);
    }

    @Test
    void everyExceptionGetsTheExitCodeOfItsCategory() {
        EXIT_CODE.forEach((exception, code) -> assertEquals(code, ErrorMessages.exitCode(exception),
                exception.getClass().getSimpleName() + ": " + exception.getMessage()));
    }

    @Test
    void whatTheUserCanFixIsTwoAndTheRestIsOne() {
        for (ErrorCategory category : ErrorCategory.values()) {
            assertEquals(category.userFixable() ? ExitCodes.USAGE : ExitCodes.FAILED, ErrorMessages.exitCode(category),
                    category.name());
        }
    }

    @Test
    void theTableNamesEveryTaskgraphExceptionClass() {
        Set<String> tabled = EXIT_CODE.keySet().stream().map(e -> e.getClass().getName())
                .filter(name -> !name.startsWith("java.")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(ExceptionClasses.taskgraphExceptions(), tabled);
    }
}
