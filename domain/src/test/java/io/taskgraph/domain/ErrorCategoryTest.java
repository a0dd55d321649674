package io.taskgraph.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.graph.GraphException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each error's category is decided where it is thrown; adapters only map categories to their own signals. */
class ErrorCategoryTest {
    @Test
    void specAndUsageErrorsAreTheUsersToFix() {
        assertEquals(ErrorCategory.BAD_INPUT, ErrorCategory.of(new UsageException("bad flag")));
        assertEquals(ErrorCategory.BAD_INPUT, ErrorCategory.of(new InvalidSpecException("bad spec")));
        assertEquals(ErrorCategory.BAD_INPUT, ErrorCategory.of(new GraphException(List.of("cycle: a -> a"))));
        assertEquals(ErrorCategory.BAD_INPUT, ErrorCategory.of(new InputValidationException(List.of("x"))));
    }

    @Test
    void aWorkspaceErrorIsTheMachinesSetUpUnlessTheThrowerKnowsBetter() {
        assertEquals(ErrorCategory.SETUP, ErrorCategory.of(new WorkspaceException("disk full")));
        assertEquals(ErrorCategory.NOT_FOUND,
                ErrorCategory.of(new WorkspaceException(ErrorCategory.NOT_FOUND, "x.db does not exist")));
        assertEquals(ErrorCategory.CONFLICT,
                ErrorCategory.of(new WorkspaceException(ErrorCategory.CONFLICT, "x.db exists", new RuntimeException())));
    }

    @Test
    void aMissingKeyIsSetUpAFailingModelServerIsUpstreamAnythingElseIsABug() {
        assertEquals(ErrorCategory.SETUP, ErrorCategory.of(new LlmException("no key", true)));
        assertEquals(ErrorCategory.UPSTREAM, ErrorCategory.of(new LlmException("502 after 8 attempts", false)));
        assertEquals(ErrorCategory.INTERNAL, ErrorCategory.of(new NullPointerException()));
        assertTrue(ErrorCategory.SETUP.userFixable());
        assertFalse(ErrorCategory.UPSTREAM.userFixable());
        assertFalse(ErrorCategory.INTERNAL.userFixable());
    }
}
