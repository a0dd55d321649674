package io.taskgraph.application.progress;

import io.taskgraph.domain.spec.TaskKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How one task's progress reads after its name and state: the terminal board's line and the web page's. */
public final class TaskWording {
    private static final String SEPARATOR = " · ";

    private TaskWording() {
    }

    /**
     * What to say about {@code task} besides its name and state: whom it waits for, how far it got
     * ({@code iteration 2 · 3 SQL (1 failed) · 1.5k tokens · 4.2s · validation failed, fixing}), why it failed or
     * is blocked, why a rerun ran it again ({@code re-run: prompt changed}), what changed in a task a rerun reused.
     * Empty for a task waiting on nothing and for a task not selected.
     */
    public static String detail(TaskProgress task) {
        return switch (task.state()) {
            case WAITING -> task.waitingFor().isEmpty() ? "" : "for " + String.join(", ", task.waitingFor());
            case RUNNING -> join(progress(task, true), task.note(), task.reason());
            case PASSED -> join(progress(task, false), task.reason());
            case INTERRUPTED -> progress(task, false);
            case FAILED -> join(progress(task, false), task.reason());
            case REUSED -> task.changed().isEmpty() ? "still valid, no model call"
                    : join("still valid, no model call", String.join(" and ", task.changed()) + " changed since its views"
                            + " were built");
            case NOT_SELECTED -> "";
            case BLOCKED -> task.reason().isBlank() && !task.blockedBy().isEmpty()
                    ? "by " + String.join(", ", task.blockedBy()) : task.reason();
        };
    }

    private static String progress(TaskProgress task, boolean running) {
        List<String> parts = new ArrayList<>();
        if (task.kind().equals(Optional.of(TaskKind.AGENT))) {
            parts.add(!running ? Readable.count(task.iteration(), "iteration", "iterations")
                    : task.iteration() == 0 ? "starting" : "iteration " + task.iteration());
        }
        parts.add(task.sqlCount() + " SQL" + (task.failedSql() > 0 ? " (" + task.failedSql() + " failed)" : ""));
        parts.add(Readable.tokens(task.tokens()) + " tokens");
        parts.add(Readable.duration(task.elapsed()));
        return String.join(SEPARATOR, parts);
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (!part.isBlank()) {
                present.add(Readable.oneLine(part, EventWording.WIDTH));
            }
        }
        return String.join(SEPARATOR, present);
    }
}
