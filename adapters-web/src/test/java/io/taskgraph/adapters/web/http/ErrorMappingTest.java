package io.taskgraph.adapters.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.web.error.Problem;
import io.taskgraph.adapters.web.error.WebException;
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
 * Every exception the web app can meet gets the HTTP status its category says, the same classification the CLI's
 * exit codes follow (the CLI's ErrorReporterTest holds the twin table). A new exception class fails
 * {@link #theTableNamesEveryTaskgraphExceptionClass} until it is given a row here.
 */
class ErrorMappingTest {
    /** One row per exception (and per category a class can carry): the status the API answers with. */
    private static final Map<Exception, Integer> STATUS = new LinkedHashMap<>();

    static {
        STATUS.put(new UsageException("--keep-runs must be at least 1"), 400);
        STATUS.put(new InvalidSpecException("TASKS[0] has no name"), 400);
        STATUS.put(new InputValidationException(List.of("sales: amount is NULL in 3 rows")), 400);
        STATUS.put(new GraphException(List.of("cycle: a -> b -> a")), 400);
        STATUS.put(new FingerprintMismatchException("jan.db", "specs.feb", List.of("task a: outputs differ")), 400);
        STATUS.put(new UnknownTaskException("lod", List.of("load", "report")), 400);
        STATUS.put(new WorkspaceException(ErrorCategory.BAD_INPUT, "x.db is not a Taskgraph workspace"), 400);
        STATUS.put(new WorkspaceException(ErrorCategory.NOT_FOUND, "The workspace file x.db does not exist."), 404);
        STATUS.put(new WorkspaceException(ErrorCategory.CONFLICT, "x.db is open in another program"), 409);
        STATUS.put(new WorkspaceException("Could not write the workspace x.db to disk: no space left"), 503);
        STATUS.put(new LlmException("No OpenRouter API key is set.", true), 503);
        STATUS.put(new LlmException("The model server kept failing after 8 attempts.", false), 502);
        STATUS.put(new IllegalStateException("a bug"), 500);
        // Only the caller that cancelled a run meets it (the page ends the run as interrupted); a bug elsewhere.
        STATUS.put(new RunCancelledException(null), 500);
        STATUS.put(WebException.badInput("Form field 'spec_id' is missing"), 400);
        STATUS.put(WebException.notFound("No run with id 'x'"), 404);
        STATUS.put(WebException.notReady("Run x is still running"), 409);
        STATUS.put(WebException.tooLarge("3 files were uploaded"), 413);
        STATUS.put(new WebException(Problem.FORBIDDEN, "Runs can only be started from this server's own page"), 403);
    }

    @Test
    void everyExceptionGetsTheStatusOfItsCategory() {
        STATUS.forEach((exception, status) -> assertEquals(status, ErrorMapping.status(exception),
                exception.getClass().getSimpleName() + ": " + exception.getMessage()));
    }

    @Test
    void everyCategoryAndEveryProblemHasAStatus() {
        for (ErrorCategory category : ErrorCategory.values()) {
            int status = ErrorMapping.status(category);
            assertTrue(category.userFixable() ? Set.of(400, 404, 409, 503).contains(status)
                    : Set.of(500, 502).contains(status), category + " -> " + status);
        }
        for (Problem problem : Problem.values()) {
            int status = ErrorMapping.status(problem);
            assertTrue(status >= 400 && status < 500, problem + " is the request's problem: " + status);
        }
    }

    @Test
    void theTableNamesEveryTaskgraphExceptionClass() {
        Set<String> tabled = STATUS.keySet().stream().map(e -> e.getClass().getName())
                .filter(name -> !name.startsWith("java.") && !name.equals(WebException.class.getName()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(ExceptionClasses.taskgraphExceptions(), tabled);
    }
}
