package io.taskgraph.application.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadableTest {
    @Test
    void durationsReadInTheUnitThatFitsThem() {
        assertEquals("0ms", Readable.duration(Duration.ZERO));
        assertEquals("0ms", Readable.duration(Duration.ofMillis(-5)));
        assertEquals("999ms", Readable.duration(Duration.ofMillis(999)));
        assertEquals("1.0s", Readable.duration(Duration.ofMillis(1000)));
        assertEquals("59.9s", Readable.duration(Duration.ofMillis(59_940)));
        assertEquals("1m00s", Readable.duration(Duration.ofSeconds(60)));
        assertEquals("3m12s", Readable.duration(Duration.ofSeconds(192)));
        assertEquals("59m59s", Readable.duration(Duration.ofSeconds(3599)));
        assertEquals("1h02m", Readable.duration(Duration.ofSeconds(3720)));
    }

    @Test
    void tokenCountsAreShortened() {
        assertEquals("999", Readable.tokens(999));
        assertEquals("1.0k", Readable.tokens(1000));
        assertEquals("12.3k", Readable.tokens(12_345));
        assertEquals("2.1M", Readable.tokens(2_100_000));
    }

    @Test
    void countsTakeTheRightNumberAndTextIsFoldedAndCut() {
        assertEquals("1 task", Readable.count(1, "task", "tasks"));
        assertEquals("0 tasks", Readable.count(0, "task", "tasks"));
        assertEquals("a b", Readable.oneLine("  a\n   b  ", 10));
        assertEquals("abcd…", Readable.oneLine("abcdefgh", 5));
        assertEquals("", Readable.oneLine(null, 5));
        assertEquals("ab", Readable.cut("ab", 2));
    }
}
