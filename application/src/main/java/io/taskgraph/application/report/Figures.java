package io.taskgraph.application.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Short forms of counts and durations for the report's tables. */
final class Figures {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Figures() {
    }

    /** {@code 850}, {@code 12.3k}, {@code 2.1M}. */
    static String tokens(long n) {
        if (n < 1000) {
            return Long.toString(n);
        }
        return n < 1_000_000 ? String.format(Locale.ROOT, "%.1fk", n / 1000.0)
                : String.format(Locale.ROOT, "%.1fM", n / 1_000_000.0);
    }

    /** {@code 0.4 s}, {@code 12.3 s}, {@code 3 min 12 s}, {@code 1 h 02 min}. */
    static String duration(Duration d) {
        long millis = Math.max(0, d.toMillis());
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        return seconds < 3600 ? String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60)
                : String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
    }

    /** {@code 12 ms}, {@code 1.2 s}. */
    static String millis(double ms) {
        return ms < 1000 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f s", ms / 1000);
    }

    /** An ISO instant as {@code 2026-02-01 09:30:00 UTC}; other text as it is. */
    static String instant(String iso) {
        try {
            return TIME.format(Instant.parse(iso)) + " UTC";
        } catch (DateTimeParseException notAnInstant) {
            return iso;
        }
    }

    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
