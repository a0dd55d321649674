package io.taskgraph.adapters.openrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-21T07:28:00Z"), ZoneOffset.UTC);

    @Test
    void backoffDoublesFromThreeSecondsAndStopsAtThirtyBeforeJitter() {
        RetryPolicy policy = RetryPolicy.DEFAULT;

        assertEquals(Duration.ofSeconds(3), policy.backoff(1, 0));
        assertEquals(Duration.ofSeconds(6), policy.backoff(2, 0));
        assertEquals(Duration.ofSeconds(24), policy.backoff(4, 0));
        assertEquals(Duration.ofSeconds(30), policy.backoff(5, 0));
        assertEquals(Duration.ofSeconds(30), policy.backoff(60, 0));
        assertEquals(Duration.ofMillis(30_999), policy.backoff(8, 0.9999));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryPolicy.parseRetryAfter(" 120 ", CLOCK));
        assertEquals(Optional.of(Duration.ofMillis(1500)), RetryPolicy.parseRetryAfter("1.5", CLOCK));
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                RetryPolicy.parseRetryAfter("Wed, 21 Oct 2026 07:29:30 GMT", CLOCK));
        assertEquals(Optional.of(Duration.ZERO), RetryPolicy.parseRetryAfter("Wed, 21 Oct 2026 07:00:00 GMT", CLOCK));
        assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter("-3", CLOCK));
        assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter("tomorrow", CLOCK));
        assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter(null, CLOCK));
    }

    @Test
    void aServersWaitIsHonouredUpToTheBound() {
        assertEquals(Duration.ofMinutes(2), RetryPolicy.DEFAULT.honour(Duration.ofMinutes(2)));
        assertEquals(Duration.ofMinutes(10), RetryPolicy.DEFAULT.honour(Duration.ofHours(5)));
    }
}
