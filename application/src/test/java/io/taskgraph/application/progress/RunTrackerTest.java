package io.taskgraph.application.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.TaskKind;
import io.taskgraph.domain.testing.ManualClock;
import io.taskgraph.domain.testing.ScriptedRun;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunTrackerTest {
    private static final Path BASE = Path.of("/projects/shop");

    private final ManualClock clock = new ManualClock();
    private final RunTracker tracker = new RunTracker(clock);

    private List<String> states() {
        return tracker.snapshot().tasks().stream().map(t -> t.task() + ":" + t.state().label()).toList();
    }

    @Test
    void announcedTasksWaitForTheirDependenciesInSpecOrder() {
        tracker.apply(ScriptedRun.started(BASE));

        RunProgress run = tracker.snapshot();
        assertEquals(List.of("prep:waiting", "sales:waiting", "costs:waiting", "report:waiting"), states());
        assertEquals(List.of(), run.task("prep").orElseThrow().waitingFor());
        assertEquals(List.of("prep"), run.task("sales").orElseThrow().waitingFor());
        assertEquals(List.of("sales", "costs"), run.task("report").orElseThrow().waitingFor());
        assertEquals(ScriptedRun.SPEC, run.specModule());
        assertEquals(Optional.of(BASE.resolve("out.db")), run.output());
        assertEquals(ScriptedRun.MODEL, run.model());
        assertEquals(Optional.of(ManualClock.START), run.startedAt());
        assertFalse(run.finished());
    }

    @Test
    void aRunningTaskCountsItsIterationsSqlTokensAndTimeUntilNow() {
        tracker.apply(ScriptedRun.started(BASE));
        tracker.apply(new RunEvent.TaskStarted("prep", TaskKind.AGENT));
        clock.advance(Duration.ofMillis(1500));
        tracker.apply(new RunEvent.TaskIteration("prep", 2, new Usage(300, 20, 0, 0)));
        tracker.apply(new RunEvent.SqlExecuted("prep", "SELECT 1", true, null, 1, 3));
        List<TaskProgress> changed = tracker.apply(new RunEvent.SqlExecuted("prep", "CREATE TABLE x", false, "denied", 0, 1));
        clock.advance(Duration.ofSeconds(2));

        assertEquals(new TaskProgress("prep", Optional.of(TaskKind.AGENT), TaskState.RUNNING, List.of(), List.of(),
                List.of(), 2, 2, 1, 0, new Usage(300, 20, 0, 0), Duration.ofMillis(1500), "", "", List.of(), List.of()), changed.get(0));
        TaskProgress now = tracker.snapshot().task("prep").orElseThrow();
        assertEquals(Duration.ofMillis(3500), now.elapsed(), "a running task's time runs on between events");
        assertEquals(320, now.tokens());
        assertTrue(tracker.snapshot().anyRunning());
    }

    @Test
    void aValidationFailureAndARetryShowAsTheRunningTasksNote() {
        tracker.apply(new RunEvent.TaskStarted("prep", TaskKind.AGENT));
        tracker.apply(new RunEvent.ValidationFailed("prep", List.of("View 'x' does not exist.")));
        TaskProgress fixing = tracker.snapshot().task("prep").orElseThrow();
        assertEquals("validation failed, fixing", fixing.note());
        assertEquals(List.of("View 'x' does not exist."), fixing.failures());

        tracker.apply(new RunEvent.LlmRetrying("prep", 2, Duration.ofSeconds(6), "HTTP 503"));
        assertEquals("model call retry 2 in 6.0s", tracker.snapshot().task("prep").orElseThrow().note());

        tracker.apply(new RunEvent.TaskIteration("prep", 3, Usage.NONE));
        assertEquals("validation failed, fixing", tracker.snapshot().task("prep").orElseThrow().note(),
                "the retried call went through: back to what the task was doing");
    }

    @Test
    void aSqlTasksValidationFailureIsNotFixedByAnAgent() {
        tracker.apply(new RunEvent.TaskStarted("load", TaskKind.SQL));
        tracker.apply(new RunEvent.ValidationFailed("load", List.of("missing column")));
        assertEquals("validation failed", tracker.snapshot().task("load").orElseThrow().note());
    }

    @Test
    void settlingATaskReportsItAndTheTasksWaitingOnIt() {
        tracker.apply(ScriptedRun.started(BASE));
        tracker.apply(new RunEvent.TaskStarted("prep", TaskKind.AGENT));
        clock.advance(Duration.ofSeconds(9));

        List<TaskProgress> changed = tracker.apply(new RunEvent.TaskFinished(ScriptedRun.PREP));

        assertEquals(List.of("prep", "sales", "costs"), changed.stream().map(TaskProgress::task).toList());
        TaskProgress prep = changed.get(0);
        assertEquals(TaskState.PASSED, prep.state());
        assertEquals(Duration.ofMillis(4900), prep.elapsed(), "a settled task shows its outcome's time");
        assertEquals(3, prep.iteration());
        assertEquals(4, prep.toolCalls());
        assertEquals(1200, prep.tokens());
        assertEquals(List.of(), changed.get(1).waitingFor());
        assertEquals(List.of("sales", "costs"), tracker.snapshot().task("report").orElseThrow().waitingFor());
    }

    @Test
    void theCostTheModelServerReportedIsCarriedPerTaskWhileItRunsAndOnceSettledAndInTotal() {
        tracker.apply(ScriptedRun.started(BASE));
        tracker.apply(new RunEvent.TaskStarted("prep", TaskKind.AGENT));
        tracker.apply(new RunEvent.TaskIteration("prep", 1, new Usage(300, 20, 0, 0).withCost(new BigDecimal("0.0015"))));
        assertEquals(Optional.of(new BigDecimal("0.0015")), tracker.snapshot().task("prep").orElseThrow().cost(),
                "the cost so far, live");

        tracker.apply(new RunEvent.TaskFinished(new TaskOutcome("prep", TaskKind.AGENT, TaskStatus.PASSED, 2, 1,
                new Usage(600, 40, 0, 0).withCost(new BigDecimal("0.003")), Duration.ofSeconds(1), "", List.of(), "")));
        tracker.apply(new RunEvent.TaskFinished(new TaskOutcome("sales", TaskKind.AGENT, TaskStatus.PASSED, 1, 1,
                new Usage(100, 10, 0, 0).withCost(new BigDecimal("0.001")), Duration.ofSeconds(1), "", List.of(), "")));
        tracker.apply(new RunEvent.TaskFinished(ScriptedRun.COSTS));

        RunProgress run = tracker.snapshot();
        assertEquals(Optional.of(new BigDecimal("0.003")), run.task("prep").orElseThrow().cost(), "the outcome's");
        assertEquals(Optional.empty(), run.task("costs").orElseThrow().cost(), "its server reported none: no figure");
        assertEquals(Optional.of(new BigDecimal("0.004")), run.usage().cost(), "the total of the costs reported");
    }

    @Test
    void withoutAReportedCostThereIsNoCostAtAll() {
        tracker.apply(ScriptedRun.started(BASE));
        tracker.apply(new RunEvent.TaskFinished(ScriptedRun.PREP));
        tracker.apply(new RunEvent.TaskFinished(ScriptedRun.SALES));

        assertEquals(Optional.empty(), tracker.snapshot().usage().cost(), "never estimated from the tokens");
    }

    @Test
    void aBlockedTaskNamesTheDependenciesThatDidNotPassAndKeepsTheReason() {
        tracker.apply(ScriptedRun.started(BASE));
        tracker.apply(new RunEvent.TaskFinished(ScriptedRun.PREP));
        tracker.apply(new RunEvent.TaskFinished(ScriptedRun.SALES));
        tracker.apply(new RunEvent.TaskFinished(ScriptedRun.COSTS));
        tracker.apply(new RunEvent.TaskFinished(ScriptedRun.REPORT_BLOCKED));

        TaskProgress report = tracker.snapshot().task("report").orElseThrow();
        assertEquals(TaskState.BLOCKED, report.state());
        assertEquals(List.of("costs"), report.blockedBy());
        assertEquals("Not run because upstream task 'costs' failed.", report.reason());
        TaskProgress costs = tracker.snapshot().task("costs").orElseThrow();
        assertEquals("iteration budget of 200 model calls spent", costs.reason());
        assertEquals(List.of("View 'costs_summary' does not exist."), costs.failures());
    }

    @Test
    void everyKindOfEventIsFoldedIntoTheRun() {
        assertEquals(Arrays.stream(RunEvent.class.getPermittedSubclasses()).map(Class::getSimpleName).sorted().toList(),
                ScriptedRun.everyKind(BASE).stream().map(e -> e.getClass().getSimpleName()).distinct().sorted().toList(),
                "the scripts have every kind of event: fold a new one in RunTracker and test it here");
        List<RunEvent> events = new ArrayList<>(ScriptedRun.withFailure(BASE));
        events.add(events.size() - 1, ScriptedRun.passingWithExport(BASE).get(3));

        events.forEach(tracker::apply);

        RunProgress run = tracker.snapshot();
        assertEquals(List.of("prep:passed", "sales:passed", "costs:failed", "report:blocked"), states());
        assertEquals(List.of("spec has uncommitted changes"), run.warnings());
        assertEquals(List.of("transactions"), run.inputs().stream().map(RunEvent.InputIngested::input).toList());
        assertEquals(Map.of(TaskState.PASSED, 2, TaskState.FAILED, 1, TaskState.BLOCKED, 1), run.counts());
        assertEquals(2, run.passed());
        assertEquals(2, run.task("prep").orElseThrow().sqlCount());
        assertEquals(1, run.task("prep").orElseThrow().failedSql());
        assertEquals(1200 + 600 + 2_100_000, run.usage().total());
        assertEquals(3 + 2 + 200, run.iterations());
        assertEquals(4 + 2 + 412, run.toolCalls());
        assertTrue(run.finished());
        assertEquals(Duration.ofSeconds(200), run.elapsed(), "a finished run's time is its summary's");
        assertEquals(List.of(), run.exports(), "the summary is the last word: this run exported nothing");
    }

    @Test
    void aRerunKeepsWhatItUsesWhatChangedAndWhyEachTaskRanAgain() {
        List<RunEvent> rerun = ScriptedRun.rerun(BASE);
        rerun.subList(0, 8).forEach(tracker::apply);

        TaskProgress running = tracker.snapshot().task("sales").orElseThrow();
        assertEquals(TaskState.RUNNING, running.state());
        assertEquals("re-run: prompt changed", running.reason());
        assertEquals("starting · 0 SQL · 0 tokens · 0ms · re-run: prompt changed", TaskWording.detail(running));

        rerun.subList(8, rerun.size()).forEach(tracker::apply);
        RunProgress run = tracker.snapshot();
        assertEquals(List.of("prep:reused", "sales:passed", "costs:reused", "report:passed"), states());
        assertEquals(Optional.of(new RunEvent.RerunData(BASE.resolve("jan.db"), false)), run.rerunData());
        assertEquals(ScriptedRun.SPEC, run.specChange().orElseThrow().module());
        assertEquals(List.of("transactions"), run.changedFiles().stream().map(RunEvent.InputFileChanged::input).toList());
        assertEquals("re-run: prompt changed", run.task("sales").orElseThrow().reason(), "kept once it passed");
        assertEquals("re-run: upstream sales re-ran and a check now fails: total is NULL",
                run.task("report").orElseThrow().reason());
        assertEquals(List.of("prompt"), run.task("prep").orElseThrow().changed());
        assertEquals(List.of("prep"), run.reusedButChanged().stream().map(TaskProgress::task).toList());
        assertEquals("still valid, no model call · prompt changed since its views were built",
                TaskWording.detail(run.task("prep").orElseThrow()));
        assertEquals("still valid, no model call", TaskWording.detail(run.task("costs").orElseThrow()));
    }

    @Test
    void tasksLeftOutByASelectionAreNotSelectedNeitherPassedNorFailed() {
        ScriptedRun.selected(BASE).forEach(tracker::apply);

        RunProgress run = tracker.snapshot();
        assertEquals(List.of("prep:passed", "sales:passed", "costs:not selected", "report:not selected"), states());
        assertEquals(Map.of(TaskState.PASSED, 2, TaskState.NOT_SELECTED, 2), run.counts());
        assertEquals(2, run.passed());
        assertTrue(run.task("costs").orElseThrow().state().settled());
        assertEquals("", TaskWording.detail(run.task("costs").orElseThrow()));
        assertEquals(List.of(), run.task("report").orElseThrow().waitingFor());
    }

    @Test
    void theSummarySettlesTasksWhoseOutcomesWereNotSeen() {
        tracker.apply(ScriptedRun.started(BASE));
        tracker.apply(new RunEvent.TaskStarted("prep", TaskKind.AGENT));
        TaskOutcome stopped = new TaskOutcome("prep", TaskKind.AGENT, TaskStatus.INTERRUPTED, 1, 0, Usage.NONE,
                Duration.ofSeconds(1), "", List.of(), "");
        RunSummary summary = new RunSummary(BASE.resolve("out.db"), List.of(stopped), List.of(), Duration.ofSeconds(1), true);

        List<TaskProgress> changed = tracker.apply(new RunEvent.RunFinished(summary));

        assertEquals(List.of("prep:interrupted"), changed.stream().map(t -> t.task() + ":" + t.state().label()).toList());
        assertEquals(Optional.of(summary), tracker.snapshot().summary());
        assertEquals(Optional.of(ManualClock.START), tracker.snapshot().finishedAt());
    }

    @Test
    void anEventAboutATaskTheRunDidNotAnnounceAddsItAtTheEnd() {
        tracker.apply(new RunEvent.RunStarted("m", Path.of("o.db"), "x", Map.of("a", List.of()), false));
        tracker.apply(new RunEvent.TaskStarted("ghost", TaskKind.SQL));

        assertEquals(List.of("a:waiting", "ghost:running"), states());
    }

    @Test
    void aTaskStartedAgainCountsItsNewAttemptFromZero() {
        tracker.apply(new RunEvent.TaskStarted("prep", TaskKind.AGENT));
        tracker.apply(new RunEvent.SqlExecuted("prep", "SELECT 1", true, null, 1, 1));
        tracker.apply(new RunEvent.TaskFinished(ScriptedRun.PREP));
        tracker.apply(new RunEvent.TaskStarted("prep", TaskKind.AGENT));

        TaskProgress prep = tracker.snapshot().task("prep").orElseThrow();
        assertEquals(TaskState.RUNNING, prep.state());
        assertEquals(0, prep.sqlCount());
        assertEquals(0, prep.tokens());
    }

    @Test
    void lateCountersFromASettledTasksThreadCountWithoutReopeningIt() {
        tracker.apply(new RunEvent.TaskStarted("prep", TaskKind.AGENT));
        tracker.apply(new RunEvent.TaskFinished(ScriptedRun.PREP));
        tracker.apply(new RunEvent.SqlExecuted("prep", "SELECT 1", true, null, 1, 1));

        TaskProgress prep = tracker.snapshot().task("prep").orElseThrow();
        assertEquals(TaskState.PASSED, prep.state());
        assertEquals(1, prep.sqlCount());
        assertEquals(Duration.ofMillis(4900), prep.elapsed());
    }

    @Test
    void aSnapshotNeverChangesAfterItWasTaken() {
        tracker.apply(ScriptedRun.started(BASE));
        RunProgress before = tracker.snapshot();

        ScriptedRun.withFailure(BASE).forEach(tracker::apply);

        assertEquals(List.of(TaskState.WAITING), before.tasks().stream().map(TaskProgress::state).distinct().toList());
        assertFalse(before.finished());
    }

    @Test
    void eventsFromManyTaskThreadsAreAllCountedWhileOthersReadSnapshots() throws Exception {
        int threads = 8;
        int statements = 2000;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String task = "t" + t;
            work.add(pool.submit(() -> {
                go.await();
                tracker.apply(new RunEvent.TaskStarted(task, TaskKind.AGENT));
                for (int i = 0; i < statements; i++) {
                    tracker.apply(new RunEvent.SqlExecuted(task, "SELECT 1", i % 10 != 0, "e", 1, 0));
                }
                return null;
            }));
        }
        Future<Boolean> reader = pool.submit(() -> {
            go.await();
            int[] last = new int[threads];
            boolean monotonic = true;
            for (int round = 0; round < 500; round++) {
                for (TaskProgress task : tracker.snapshot().tasks()) {
                    int index = Integer.parseInt(task.task().substring(1));
                    monotonic &= task.sqlCount() >= last[index] && task.failedSql() <= task.sqlCount();
                    last[index] = task.sqlCount();
                }
            }
            return monotonic;
        });
        go.countDown();
        for (Future<?> f : work) {
            f.get(60, TimeUnit.SECONDS);
        }
        assertTrue(reader.get(60, TimeUnit.SECONDS), "every snapshot is consistent and counts only grow");
        pool.shutdown();

        RunProgress run = tracker.snapshot();
        assertEquals(threads, run.tasks().size());
        run.tasks().forEach(t -> assertEquals(statements, t.sqlCount(), t.task()));
        run.tasks().forEach(t -> assertEquals(statements / 10, t.failedSql(), t.task()));
    }
}
