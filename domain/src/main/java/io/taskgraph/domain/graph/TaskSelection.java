package io.taskgraph.domain.graph;

import io.taskgraph.domain.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which tasks a run or rerun is about, in dbt's selector syntax: {@code NAME} (that task), {@code NAME+} (and
 * every task downstream of it), {@code +NAME} (and every task upstream of it), {@code +NAME+} (both). Several
 * selectors add up. No selector at all selects every task. Resolved against a graph by {@link TaskGraph#select}.
 */
public record TaskSelection(List<Selector> selectors) {
    /** Every task: what a run does when the user selects nothing. */
    public static final TaskSelection ALL = new TaskSelection(List.of());

    /** One selector: a task name with its graph operators. */
    public record Selector(String task, boolean upstream, boolean downstream) {
        public Selector {
            Objects.requireNonNull(task, "task");
        }

        /** The selector as the user writes it: {@code +sales+}. */
        public String text() {
            return (upstream ? "+" : "") + task + (downstream ? "+" : "");
        }
    }

    public TaskSelection {
        selectors = List.copyOf(selectors);
    }

    /**
     * Parses selectors as given on a command line: each argument may hold several, separated by commas
     * ({@code --select a,b+ --select +c}). Throws a {@link UsageException} naming a selector that is empty
     * or not of the form {@code [+]NAME[+]}.
     */
    public static TaskSelection parse(List<String> arguments) {
        List<Selector> selectors = new ArrayList<>();
        for (String argument : arguments) {
            for (String part : argument.split(",", -1)) {
                selectors.add(selector(part.strip(), argument));
            }
        }
        return new TaskSelection(selectors);
    }

    /** Exactly these tasks, no operators: what a list of ticked tasks (the web form) means. */
    public static TaskSelection of(List<String> tasks) {
        return new TaskSelection(tasks.stream().map(t -> new Selector(t, false, false)).toList());
    }

    private static Selector selector(String text, String argument) {
        boolean upstream = text.startsWith("+");
        boolean downstream = text.endsWith("+") && text.length() > 1;
        String name = text.substring(upstream ? 1 : 0, text.length() - (downstream ? 1 : 0)).strip();
        if (name.isEmpty() || name.contains("+") || name.chars().anyMatch(Character::isWhitespace)) {
            String what = text.isEmpty() ? "an empty selector" : "the selector '" + text + "'";
            throw new UsageException("Cannot select tasks with " + what + " (in '" + argument + "'); write a task "
                    + "name, NAME+ for it and everything downstream, +NAME for it and everything upstream, or "
                    + "+NAME+ for both; separate several with commas.");
        }
        return new Selector(name, upstream, downstream);
    }

    /** True when nothing was selected, which means every task. */
    public boolean all() {
        return selectors.isEmpty();
    }

    /** The selectors as the user wrote them: {@code sales+,+report}. */
    public String text() {
        return selectors.stream().map(Selector::text).collect(Collectors.joining(","));
    }
}
