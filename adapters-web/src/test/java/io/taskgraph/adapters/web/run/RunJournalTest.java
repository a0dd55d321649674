package io.taskgraph.adapters.web.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunJournalTest {
    private static RunJournal.Event log(String line) {
        return new RunJournal.Event("log", line);
    }

    @Test
    void aLateReaderGetsTheWholeHistoryInOrderWithIndexes() throws Exception {
        RunJournal journal = new RunJournal();
        journal.append(log("one"));
        journal.append(log("two"));

        RunJournal.Page page = journal.read(0, Duration.ZERO);

        assertEquals(List.of("one", "two"), page.entries().stream().map(e -> e.event().data()).toList());
        assertEquals(List.of(0, 1), page.entries().stream().map(RunJournal.Entry::index).toList());
        assertFalse(page.finished());
    }

    @Test
    void aReaderResumingFromAnIndexSeesOnlyWhatCameAfter() throws Exception {
        RunJournal journal = new RunJournal();
        journal.append(log("one"));
        journal.append(log("two"));
        journal.append(log("three"));

        assertEquals(List.of("three"), journal.read(2, Duration.ZERO).entries().stream().map(e -> e.event().data()).toList());
    }

    @Test
    void aWaitingReaderWakesUpWhenTheRunAppends() throws Exception {
        RunJournal journal = new RunJournal();
        CompletableFuture<RunJournal.Page> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return journal.read(0, Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        journal.append(log("live"));

        assertEquals("live", waiting.get(5, TimeUnit.SECONDS).entries().get(0).event().data());
    }

    @Test
    void finishingAddsTheLastEventsAtOnceAndIgnoresStragglers() throws Exception {
        RunJournal journal = new RunJournal();
        journal.append(log("work"));
        journal.finish(List.of(new RunJournal.Event("done", "{}"), new RunJournal.Event("result", "{}")));
        journal.append(log("too late"));

        RunJournal.Page page = journal.read(0, Duration.ofSeconds(5));
        assertTrue(page.finished());
        assertEquals(List.of("log", "done", "result"), page.entries().stream().map(e -> e.event().name()).toList());
        assertTrue(journal.awaitFinished(0, TimeUnit.SECONDS));
    }

    @Test
    void anEmptyPageOfAnOpenJournalMeansNothingNewYet() throws Exception {
        RunJournal journal = new RunJournal();
        journal.append(log("one"));

        RunJournal.Page page = journal.read(1, Duration.ofMillis(20));

        assertTrue(page.entries().isEmpty());
        assertFalse(page.finished());
    }

    @Test
    void eventDataMustBeOneLineBecauseSseSplitsOnLineBreaks() {
        assertThrows(IllegalArgumentException.class, () -> log("two\nlines"));
    }
}
