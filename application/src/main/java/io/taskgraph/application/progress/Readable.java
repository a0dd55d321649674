package io.taskgraph.application.progress;

import java.time.Duration;
import java.util.Locale;

/**
 * The short human forms every progress display uses, so a time or a token count reads the same in the terminal,
 * in plain log lines and on the web page.
 */
public final class Readable {
    private Readable() {
    }

    /** {@code 40ms}, {@code 1.5s}, {@code 12.3s}, {@code 3m12s}, {@code 1h02m}. */
    public static String duration(Duration d) {
        long millis = Math.max(0, d.toMillis());
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
    }

    /** {@code 850}, {@code 12.3k}, {@code 2.1M}. */
    public static String tokens(long n) {
        if (n < 1000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fk", n / 1000.0);
        }
        return String.format(Locale.ROOT, "%.1fM", n / 1_000_000.0);
    }

    /** {@code 1 row} / {@code 2 rows}: a count with its noun in the right number. */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** {@code text} on one line (line breaks and the spaces around them become one space), cut to {@code max}. */
    public static String oneLine(String text, int max) {
        String line = text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
        return cut(line, max);
    }

    /** {@code text} cut to {@code max} characters, the last one an ellipsis when anything was cut. */
    public static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }
}
