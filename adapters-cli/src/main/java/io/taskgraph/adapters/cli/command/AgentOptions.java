package io.taskgraph.adapters.cli.command;

import io.taskgraph.application.run.RunOptions;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.run.RunDefaults;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How the agents run, shared by {@code run} and {@code rerun}; every default is the product's {@link RunDefaults}. */
public final class AgentOptions {
    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "LLM model via OpenRouter (run: " + RunDefaults.MODEL
                    + "; rerun: the model the source workspace recorded).")
    String model;

    @Option(names = "--reasoning-effort", paramLabel = "LEVEL",
            description = "low, medium or high (default: ${DEFAULT-VALUE}).")
    String effort = RunDefaults.REASONING_EFFORT.wire();

    @Option(names = "--max-iterations", paramLabel = "N",
            description = "Most model calls one task's agent may make (default: ${DEFAULT-VALUE}).")
    int maxIterations = RunDefaults.MAX_ITERATIONS;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Most tasks running at once (default: ${DEFAULT-VALUE}, no cap beyond the DAG).")
    int concurrency = RunDefaults.CONCURRENCY;

    Optional<String> model() {
        return Optional.ofNullable(model).map(String::strip).filter(m -> !m.isEmpty());
    }

    /** The run options; {@code model} is what the agents will use. */
    RunOptions toRunOptions(String chosenModel, boolean replay) {
        return new RunOptions(chosenModel, ReasoningEffort.parse(effort), maxIterations, concurrency,
                RunDefaults.TOKEN_BUDGET, replay);
    }
}
