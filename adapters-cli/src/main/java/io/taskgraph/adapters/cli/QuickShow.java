package io.taskgraph.adapters.cli;

import io.taskgraph.adapters.cli.command.ShowCommand;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * Runs a plain {@code taskgraph show} line ({@link ShowLine}) without picocli. Picocli is compiled for Java 5, so
 * the JVM can keep none of its ~170 classes in the launcher's class data archive: they are read from the jar and
 * verified on every start, which cost ~0.1 s of a cold {@code show}'s ~0.3 s of CPU. The command itself is
 * {@link ShowCommand}, the same object picocli would run, and errors are worded by {@link ErrorMessages} as on
 * the picocli path; any other line (help included) goes through picocli.
 */
final class QuickShow {
    private QuickShow() {
    }

    /** The exit code of {@code args} when they are a plain show line, else empty. */
    static Optional<Integer> run(Cli cli, String[] args) {
        Optional<ShowLine> line = ShowLine.parse(args);
        if (line.isEmpty()) {
            return Optional.empty();
        }
        ShowCommand command = new ShowCommand(cli, line.get().spec(), line.get().format());
        OverviewWarmUp.run(line.get().format()); // while the spec loads (SpecPrefetch)
        try {
            return Optional.of(command.call());
        } catch (Exception e) {
            PrintWriter err = new PrintWriter(cli.err(), true);
            return Optional.of(ErrorMessages.report(e, err, line.get().debug()));
        } finally {
            cli.out().flush();
        }
    }
}
