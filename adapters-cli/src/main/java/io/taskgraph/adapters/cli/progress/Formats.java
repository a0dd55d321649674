package io.taskgraph.adapters.cli.progress;

import java.time.Duration;
import java.util.Locale;

/** Short human forms of durations and token counts for progress lines and the summary table. */
public final class Formats {
    private Formats() {
    }

    /** {@code 0.4s}, {@code 12.3s}, {@code 3m12s}, {@code 1h02m}. */
    public static String duration(Duration d) {
        long millis = Math.max(0, d.toMillis());
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

    /** {@code 1 SQL check} / {@code 2 SQL checks}: a count with its noun in the right number. */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** The first line of {@code text}, cut to {@code max} characters with an ellipsis. */
    public static String oneLine(String text, int max) {
        String line = text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= max ? line : line.substring(0, Math.max(0, max - 1)) + "…";
    }

    /** {@code text} cut to {@code max} characters with an ellipsis, whitespace kept. */
    public static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }

    /** A path as the user can paste it into a shell. */
    public static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_./:=@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
