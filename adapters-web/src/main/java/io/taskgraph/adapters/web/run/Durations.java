package io.taskgraph.adapters.web.run;

import java.time.Duration;

/** Durations as the API shows them: seconds with millisecond precision. */
final class Durations {
    private Durations() {
    }

    static double seconds(Duration duration) {
        return Math.round(duration.toMillis()) / 1000.0;
    }

    /** "2.1s", for log lines. */
    static String text(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
