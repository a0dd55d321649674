package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.cli.Cli;
import io.taskgraph.adapters.cli.ModelChoice;
import io.taskgraph.domain.UsageException;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Record the model's answers to a cassette, or replay a cassette instead of calling a model. */
public final class CassetteOptions {
    @Option(names = "--llm-record", paramLabel = "FILE",
            description = "Record every model call of this run to FILE (JSON lines) for --llm-replay.")
    String record;

    @Option(names = "--llm-replay", paramLabel = "FILE",
            description = "Answer model calls from a recorded FILE: no network, no API key.")
    String replay;

    Optional<String> record() {
        return Optional.ofNullable(record);
    }

    Optional<String> replay() {
        return Optional.ofNullable(replay);
    }

    /** Where the agents' answers come from, as these options say; paths are the user's, resolved in {@code cli}. */
    ModelChoice choice(Cli cli) {
        check();
        if (replay != null) {
            return new ModelChoice.Replay(cli.resolve(replay));
        }
        return record == null ? new ModelChoice.Live() : new ModelChoice.Recording(cli.resolve(record));
    }

    void check() {
        if (record != null && replay != null) {
            throw new UsageException("--llm-record and --llm-replay cannot be used together: a replay calls no model, "
                    + "so there is nothing new to record.");
        }
    }
}
