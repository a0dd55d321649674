package io.taskgraph.application.schedule;

import io.taskgraph.domain.graph.TaskGraph;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.TaskSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Greedy DAG scheduling: a task starts, on its own thread, as soon as every task it depends on has passed
 * (not when a whole layer is done), up to an optional number of tasks at once. A task that does not pass
 * blocks only the tasks downstream of it; they are settled as BLOCKED with the upstream task named.
 * Settled outcomes are handed to {@code onSettled} on the thread that called {@link #run}, one at a time,
 * so the caller can record them without locking. {@link #stop} (from any thread) starts nothing more and
 * interrupts the running tasks; tasks never started are settled as INTERRUPTED.
 */
public final class DagScheduler {
    private final int concurrency;
    private final BlockingQueue<Settled> settled = new LinkedBlockingQueue<>();
    private final Map<String, Thread> running = new ConcurrentHashMap<>();
    private final Map<String, List<String>> blockChains = new LinkedHashMap<>();
    /** The reason unstarted tasks get when the run is stopped without another. */
    public static final String NOT_STARTED = "Not started: the run was interrupted.";

    private volatile boolean stopped;
    private volatile String notStartedReason = NOT_STARTED;

    /** @param concurrency the most tasks running at once; 0 means no cap */
    public DagScheduler(int concurrency) {
        if (concurrency < 0) {
            throw new IllegalArgumentException("concurrency must be 0 or positive");
        }
        this.concurrency = concurrency;
    }

    /** Runs one task to its end; called on the task's own thread. Exceptions count as a failed task. */
    @FunctionalInterface
    public interface TaskRunner {
        TaskOutcome run(TaskSpec task);
    }

    private record Settled(TaskOutcome outcome) {
    }

    private static final Settled WAKE_UP = new Settled(null);

    /** Runs every task of {@code graph}; returns the outcomes in the graph's task order. */
    public List<TaskOutcome> run(TaskGraph graph, TaskRunner runner, Consumer<TaskOutcome> onSettled) {
        Map<String, TaskOutcome> outcomes = new LinkedHashMap<>();
        Set<String> passed = new LinkedHashSet<>();
        Set<String> startedOrSettled = new LinkedHashSet<>();
        int total = graph.tasks().size();
        while (outcomes.size() < total) {
            if (!stopped) {
                for (String name : graph.ready(passed, startedOrSettled)) {
                    if (stopped || (concurrency > 0 && running.size() >= concurrency)) {
                        break;
                    }
                    startedOrSettled.add(name);
                    start(graph.task(name), runner);
                }
            }
            if (running.isEmpty() && (stopped || graph.ready(passed, startedOrSettled).isEmpty())) {
                settleUnstarted(graph, outcomes, startedOrSettled, onSettled);
                continue;
            }
            Settled next = take();
            if (next == WAKE_UP) {
                continue;
            }
            TaskOutcome outcome = next.outcome();
            running.remove(outcome.task());
            outcomes.put(outcome.task(), outcome);
            if (outcome.status().passed()) {
                passed.add(outcome.task());
            }
            onSettled.accept(outcome);
            blockDependents(graph, outcomes, startedOrSettled, onSettled);
        }
        List<TaskOutcome> ordered = new ArrayList<>();
        for (TaskSpec task : graph.tasks()) {
            ordered.add(outcomes.get(task.name()));
        }
        return ordered;
    }

    /** Starts nothing more and interrupts the running tasks' threads (their model calls and waits). */
    public void stop() {
        stop(NOT_STARTED);
    }

    /** {@link #stop()}, settling the tasks never started with {@code notStartedReason}. */
    public void stop(String notStartedReason) {
        this.notStartedReason = notStartedReason;
        stopped = true;
        running.values().forEach(Thread::interrupt);
        settled.add(WAKE_UP);
    }

    private void start(TaskSpec task, TaskRunner runner) {
        Thread thread = new Thread(() -> settled.add(new Settled(runSafely(task, runner))),
                "taskgraph-task-" + task.name());
        thread.setDaemon(true);
        running.put(task.name(), thread);
        thread.start();
        if (stopped) {
            thread.interrupt(); // stop() may have looked at the running tasks just before this one was added
        }
    }

    private static TaskOutcome runSafely(TaskSpec task, TaskRunner runner) {
        long start = System.nanoTime();
        try {
            return runner.run(task);
        } catch (RuntimeException | Error e) {
            return new TaskOutcome(task.name(), task.kind(), TaskStatus.FAILED, 0, 0, Usage.NONE,
                    Duration.ofNanos(System.nanoTime() - start),
                    "The task stopped on an unexpected error: " + e, List.of(), "");
        }
    }

    private Settled take() {
        try {
            return settled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return WAKE_UP;
        }
    }

    /** Settles, as BLOCKED, every unstarted task with an upstream task that settled without passing. */
    private void blockDependents(TaskGraph graph, Map<String, TaskOutcome> outcomes, Set<String> startedOrSettled,
                                 Consumer<TaskOutcome> onSettled) {
        if (stopped) {
            return; // after a stop, unstarted tasks are settled as interrupted, not blocked
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (TaskSpec task : graph.tasks()) {
                String name = task.name();
                if (startedOrSettled.contains(name)) {
                    continue;
                }
                for (String dependency : graph.dependencies(name)) {
                    TaskOutcome upstream = outcomes.get(dependency);
                    if (upstream != null && !upstream.status().passed()) {
                        List<String> chain = new ArrayList<>(blockChains.getOrDefault(dependency, List.of()));
                        chain.add(dependency);
                        blockChains.put(name, chain);
                        TaskOutcome blocked = TaskOutcome.blocked(name, task.kind(), blockedReason(chain, outcomes));
                        startedOrSettled.add(name);
                        outcomes.put(name, blocked);
                        onSettled.accept(blocked);
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    /** {@code chain} runs from the task that did not pass down to the blocked task's direct dependency. */
    private static String blockedReason(List<String> chain, Map<String, TaskOutcome> outcomes) {
        String root = chain.get(0);
        String verb = outcomes.get(root).status() == TaskStatus.INTERRUPTED ? "was interrupted" : "failed";
        String via = chain.size() == 1 ? "" : " (via " + String.join(" -> ", chain.subList(1, chain.size())) + ")";
        return "Not run because upstream task '" + root + "' " + verb + via + ".";
    }

    /** When nothing runs and nothing can start: the remaining tasks were never started because of a stop. */
    private void settleUnstarted(TaskGraph graph, Map<String, TaskOutcome> outcomes, Set<String> startedOrSettled,
                                 Consumer<TaskOutcome> onSettled) {
        for (TaskSpec task : graph.tasks()) {
            if (!startedOrSettled.contains(task.name())) {
                startedOrSettled.add(task.name());
                TaskOutcome outcome = new TaskOutcome(task.name(), task.kind(), TaskStatus.INTERRUPTED, 0, 0,
                        Usage.NONE, Duration.ZERO, notStartedReason, List.of(), "");
                outcomes.put(task.name(), outcome);
                onSettled.accept(outcome);
            }
        }
    }
}
