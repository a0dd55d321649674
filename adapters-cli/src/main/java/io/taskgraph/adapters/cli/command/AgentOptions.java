package io.taskgraph.adapters.cli.command;

import io.taskgraph.application.run.RunOptions;
import io.taskgraph.domain.llm.ReasoningEffort;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How the agents run, shared by {@code run} and {@code rerun}. */
public final class AgentOptions {
    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "LLM model via OpenRouter (run: " + RunOptions.DEFAULT_MODEL
                    + "; rerun: the model the source workspace recorded).")
    String model;

    @Option(names = "--reasoning-effort", paramLabel = "LEVEL", defaultValue = "low",
            description = "low, medium or high (default: ${DEFAULT-VALUE}).")
    String effort;

    @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "" + RunOptions.DEFAULT_MAX_ITERATIONS,
            description = "Most model calls one task's agent may make (default: ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "0",
            description = "Most tasks running at once (default: 0, no cap beyond the DAG).")
    int concurrency;

    Optional<String> model() {
        return Optional.ofNullable(model).map(String::strip).filter(m -> !m.isEmpty());
    }

    /** The run options; {@code model} is what the agents will use. */
    RunOptions toRunOptions(String chosenModel, boolean replay) {
        return new RunOptions(chosenModel, ReasoningEffort.parse(effort), maxIterations, concurrency,
                RunOptions.DEFAULT_TOKEN_BUDGET, replay);
    }
}
