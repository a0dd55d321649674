package io.taskgraph.application.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taskgraph.application.rerun.RerunMode;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.llm.ReasoningEffort;
import org.junit.jupiter.api.Test;

class RunOptionsTest {
    @Test
    void defaultsAreTheCliDefaults() {
        RunOptions options = RunOptions.defaults("openai/gpt-5.2");
        assertEquals(new RunOptions("openai/gpt-5.2", ReasoningEffort.LOW, 200, 0, 20_000_000L), options);
        assertFalse(options.replay());
        assertEquals(5, options.withMaxIterations(5).maxIterations());
        assertEquals(3, options.withConcurrency(3).concurrency());
        assertEquals("other/model", options.withModel("other/model").model());
    }

    @Test
    void impossibleOptionsAreUsageErrorsNamingTheFlag() {
        RunOptions options = RunOptions.defaults("m");
        assertEquals("--max-iterations must be at least 1 (got 0).",
                assertThrows(UsageException.class, () -> options.withMaxIterations(0)).getMessage());
        assertEquals("--concurrency must be 0 (no cap) or a positive number (got -1).",
                assertThrows(UsageException.class, () -> options.withConcurrency(-1)).getMessage());
        assertEquals("No model given; pass a model name such as openai/gpt-5.2.",
                assertThrows(UsageException.class, () -> RunOptions.defaults(" ")).getMessage());
    }

    @Test
    void rerunModesParseFromTheirCliNames() {
        assertEquals(RerunMode.VALIDATE, RerunMode.parse("validate"));
        assertEquals(RerunMode.REVIEW, RerunMode.parse(" Review "));
        assertEquals(RerunMode.CHANGED, RerunMode.parse("changed"));
        assertEquals("Unknown rerun mode 'fast'; use validate, changed or review.",
                assertThrows(UsageException.class, () -> RerunMode.parse("fast")).getMessage());
    }
}
