package io.taskgraph.adapters.openrouter;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How often and how long to wait before trying a failed model call again: exponential backoff from
 * {@code initialDelay}, doubling up to {@code maxDelay}, plus up to {@code maxJitter} of random jitter so concurrent
 * tasks do not retry in lockstep. A server's {@code Retry-After} wins, bounded by {@code maxRetryAfter} so a broken
 * header cannot stall a run for hours.
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxJitter,
                          Duration maxRetryAfter) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(3), Duration.ofSeconds(30),
            Duration.ofSeconds(1), Duration.ofMinutes(10));

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
        }
    }

    /** The wait before retry number {@code retry} (1-based); {@code random} in [0, 1) picks the jitter. */
    public Duration backoff(int retry, double random) {
        Duration delay = initialDelay;
        for (int i = 1; i < retry && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        if (delay.compareTo(maxDelay) > 0) {
            delay = maxDelay;
        }
        return delay.plusMillis((long) (maxJitter.toMillis() * random));
    }

    /** The wait a server asked for, bounded to [0, maxRetryAfter]. */
    public Duration honour(Duration retryAfter) {
        if (retryAfter.isNegative()) {
            return Duration.ZERO;
        }
        return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    }

    /**
     * A {@code Retry-After} header value: delay seconds ({@code 120}, also fractional) or an HTTP date
     * ({@code Wed, 21 Oct 2026 07:28:00 GMT}, measured from {@code clock}). Empty when absent or unreadable.
     */
    public static Optional<Duration> parseRetryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            double seconds = Double.parseDouble(value);
            if (seconds >= 0 && !Double.isInfinite(seconds)) {
                return Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
            }
            return Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
