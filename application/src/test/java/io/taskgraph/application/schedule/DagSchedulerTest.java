package io.taskgraph.application.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.graph.TaskGraph;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.TaskSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DagSchedulerTest {
    private static TaskSpec task(String name, List<String> inputs, String... outputs) {
        return TaskSpec.agent(name, "do " + name, inputs, List.of(outputs));
    }

    /** Diamond prep -> (sales, costs) -> report, plus an unrelated task side. */
    private static final TaskGraph DIAMOND = TaskGraph.of(List.of(
            task("prep", List.of("transactions"), "prepared_sales", "prepared_costs"),
            task("sales", List.of("prepared_sales"), "sales_summary"),
            task("costs", List.of("prepared_costs"), "costs_summary"),
            task("report", List.of("sales_summary", "costs_summary"), "profit_report"),
            task("side", List.of("transactions"), "side_view")), List.of("transactions"));

    private static TaskOutcome outcome(TaskSpec task, TaskStatus status) {
        return new TaskOutcome(task.name(), task.kind(), status, 1, 0, Usage.NONE, Duration.ZERO,
                status == TaskStatus.FAILED ? "it failed" : "", List.of(), "");
    }

    @Test
    void reportStartsOnlyAfterBothOfItsUpstreamTasksPassed() {
        List<String> log = new CopyOnWriteArrayList<>();
        List<TaskOutcome> outcomes = new DagScheduler(0).run(DIAMOND, t -> {
            log.add("start " + t.name());
            sleep(t.name().equals("sales") ? 150 : 20);
            log.add("end " + t.name());
            return outcome(t, TaskStatus.PASSED);
        }, o -> { });
        assertTrue(log.indexOf("start report") > log.indexOf("end sales"), log.toString());
        assertTrue(log.indexOf("start report") > log.indexOf("end costs"), log.toString());
        assertEquals(List.of("prep", "sales", "costs", "report", "side"),
                outcomes.stream().map(TaskOutcome::task).toList());
        assertTrue(outcomes.stream().allMatch(o -> o.status() == TaskStatus.PASSED));
    }

    @Test
    void independentTasksRunAtTheSameTime() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        List<TaskOutcome> outcomes = new DagScheduler(0).run(DIAMOND, t -> {
            if (t.name().equals("sales") || t.name().equals("costs")) {
                bothRunning.countDown();
                try {
                    // each waits for the other: only possible when they truly run concurrently
                    assertTrue(bothRunning.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return outcome(t, TaskStatus.PASSED);
        }, o -> { });
        assertTrue(outcomes.stream().allMatch(o -> o.status() == TaskStatus.PASSED));
    }

    @Test
    void greedySchedulingStartsADependentBeforeItsLayerFinishes() {
        // costs finishes only once sales_next has started: a layer-by-layer scheduler would wait for costs first.
        TaskGraph graph = TaskGraph.of(List.of(
                task("sales", List.of("t"), "s"),
                task("costs", List.of("t"), "c"),
                task("sales_next", List.of("s"), "sn")), List.of("t"));
        CountDownLatch nextStarted = new CountDownLatch(1);
        AtomicBoolean costsSawNextStart = new AtomicBoolean();
        new DagScheduler(0).run(graph, t -> {
            if (t.name().equals("sales_next")) {
                nextStarted.countDown();
            }
            if (t.name().equals("costs")) {
                costsSawNextStart.set(await(nextStarted));
            }
            return outcome(t, TaskStatus.PASSED);
        }, o -> { });
        assertTrue(costsSawNextStart.get(), "sales_next started while costs, of the same layer, was still running");
    }

    @Test
    void aFailedTaskBlocksOnlyItsDependentsNamingTheFailedTask() {
        List<TaskOutcome> settled = new CopyOnWriteArrayList<>();
        Set<String> ran = ConcurrentHashMap.newKeySet();
        List<TaskOutcome> outcomes = new DagScheduler(0).run(DIAMOND, t -> {
            ran.add(t.name());
            return outcome(t, t.name().equals("sales") ? TaskStatus.FAILED : TaskStatus.PASSED);
        }, settled::add);
        Map<String, TaskOutcome> byName = new java.util.HashMap<>();
        outcomes.forEach(o -> byName.put(o.task(), o));
        assertEquals(TaskStatus.PASSED, byName.get("prep").status());
        assertEquals(TaskStatus.FAILED, byName.get("sales").status());
        assertEquals(TaskStatus.PASSED, byName.get("costs").status());
        assertEquals(TaskStatus.PASSED, byName.get("side").status());
        assertEquals(TaskStatus.BLOCKED, byName.get("report").status());
        assertEquals("Not run because upstream task 'sales' failed.", byName.get("report").reason());
        assertEquals(Set.of("prep", "sales", "costs", "side"), ran);
        assertEquals(5, settled.size());
    }

    @Test
    void blockingIsTransitiveAndTheReasonNamesTheTaskThatFailedAndTheWay() {
        List<TaskOutcome> outcomes = new DagScheduler(0).run(DIAMOND,
                t -> outcome(t, t.name().equals("prep") ? TaskStatus.FAILED : TaskStatus.PASSED), o -> { });
        Map<String, String> reasons = new java.util.HashMap<>();
        outcomes.forEach(o -> reasons.put(o.task(), o.status() + ": " + o.reason()));
        assertEquals("BLOCKED: Not run because upstream task 'prep' failed.", reasons.get("sales"));
        assertEquals("BLOCKED: Not run because upstream task 'prep' failed.", reasons.get("costs"));
        assertEquals("BLOCKED: Not run because upstream task 'prep' failed (via sales).", reasons.get("report"));
        assertEquals("PASSED: ", reasons.get("side"));
    }

    @Test
    void theConcurrencyCapLimitsHowManyTasksRunAtOnce() {
        TaskGraph wide = TaskGraph.of(List.of(task("a", List.of("t"), "a1"), task("b", List.of("t"), "b1"),
                task("c", List.of("t"), "c1"), task("d", List.of("t"), "d1")), List.of("t"));
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CyclicBarrier pairs = new CyclicBarrier(2);
        new DagScheduler(2).run(wide, t -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                pairs.await(10, TimeUnit.SECONDS); // two tasks are running together here
                sleep(20);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            now.decrementAndGet();
            return outcome(t, TaskStatus.PASSED);
        }, o -> { });
        assertEquals(2, most.get());
    }

    @Test
    void anExceptionInATaskIsAFailureOfThatTaskOnly() {
        List<TaskOutcome> outcomes = new DagScheduler(0).run(DIAMOND, t -> {
            if (t.name().equals("costs")) {
                throw new IllegalStateException("connection lost");
            }
            return outcome(t, TaskStatus.PASSED);
        }, o -> { });
        TaskOutcome costs = outcomes.get(2);
        assertEquals(TaskStatus.FAILED, costs.status());
        assertEquals("The task stopped on an unexpected error: java.lang.IllegalStateException: connection lost",
                costs.reason());
        assertEquals(TaskStatus.BLOCKED, outcomes.get(3).status());
        assertEquals(TaskStatus.PASSED, outcomes.get(4).status());
    }

    @Test
    void stopInterruptsRunningTasksAndSettlesUnstartedOnesAsInterrupted() throws Exception {
        DagScheduler scheduler = new DagScheduler(0);
        CountDownLatch prepRunning = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            try {
                prepRunning.await();
            } catch (InterruptedException e) {
                return;
            }
            scheduler.stop();
        });
        stopper.start();
        List<TaskOutcome> outcomes = scheduler.run(DIAMOND, t -> {
            prepRunning.countDown();
            try {
                Thread.sleep(10_000);
                return outcome(t, TaskStatus.PASSED);
            } catch (InterruptedException e) {
                return outcome(t, TaskStatus.INTERRUPTED);
            }
        }, o -> { });
        stopper.join();
        assertEquals(TaskStatus.INTERRUPTED, outcomes.get(0).status());
        assertEquals(TaskStatus.INTERRUPTED, outcomes.get(4).status(), "side started with prep and was interrupted");
        for (int i = 1; i <= 3; i++) {
            assertEquals(TaskStatus.INTERRUPTED, outcomes.get(i).status(), outcomes.get(i).toString());
            assertEquals("Not started: the run was interrupted.", outcomes.get(i).reason());
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
