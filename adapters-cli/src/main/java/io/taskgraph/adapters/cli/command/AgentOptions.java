package io.taskgraph.adapters.cli.command;

import io.taskgraph.application.run.RunOptions;
import io.taskgraph.domain.llm.ReasoningEffort;
import io.taskgraph.domain.run.RunDefaults;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How the agents run, shared by {@code run} and {@code rerun}; every default is the product's {@link RunDefaults}.
 * The model is not here: its default differs between the two commands, and each one's help says its own.
 */
public final class AgentOptions {
    @Option(names = "--reasoning-effort", paramLabel = "LEVEL", completionCandidates = ValueChoices.Efforts.class,
            description = "low, medium or high (default: ${DEFAULT-VALUE}).")
    String effort = RunDefaults.REASONING_EFFORT.wire();

    @Option(names = "--max-iterations", paramLabel = "N",
            description = "Most model calls one task's agent may make (default: ${DEFAULT-VALUE}).")
    int maxIterations = RunDefaults.MAX_ITERATIONS;

    @Option(names = "--max-idle-turns", paramLabel = "N",
            description = "Stop a task's agent after N turns in a row without progress: answers without a tool call "
                    + "that fail validation the same way (default: ${DEFAULT-VALUE}; 0: never).")
    int maxIdleTurns = RunDefaults.MAX_IDLE_TURNS;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Most tasks running at once (default: ${DEFAULT-VALUE}, no cap beyond the DAG).")
    int concurrency = RunDefaults.CONCURRENCY;

    /** The model the user typed with {@code -m}, if any. */
    static Optional<String> chosen(String model) {
        return Optional.ofNullable(model).map(String::strip).filter(m -> !m.isEmpty());
    }

    /** The run options; {@code model} is what the agents will use. */
    RunOptions toRunOptions(String chosenModel, boolean replay) {
        return new RunOptions(chosenModel, ReasoningEffort.parse(effort), maxIterations, concurrency,
                RunDefaults.TOKEN_BUDGET, replay, maxIdleTurns);
    }
}
