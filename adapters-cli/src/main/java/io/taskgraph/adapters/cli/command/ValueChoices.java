package io.taskgraph.adapters.cli.command;

import io.taskgraph.application.rerun.RerunMode;
import io.taskgraph.application.show.OverviewFormat;
import io.taskgraph.domain.llm.ReasoningEffort;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The values an option accepts, for shell completion ({@code completionCandidates}), read from the types that parse
 * them so a new value is offered without an edit here.
 */
final class ValueChoices {
    private ValueChoices() {
    }

    static final class Efforts implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ReasoningEffort.values()).map(ReasoningEffort::wire).iterator();
        }
    }

    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(OverviewFormat.values()).map(OverviewFormat::label).iterator();
        }
    }

    static final class RerunModes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(RerunMode.values()).map(RerunMode::wire).iterator();
        }
    }

    static final class Shells implements Iterable<String> {
        static final List<String> NAMES = List.of("bash", "zsh", "fish");

        @Override
        public Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }
}
