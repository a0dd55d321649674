package io.taskgraph.application.agent;

import java.util.Locale;

/** How the agents' instructions write the engine's limits: {@code 30,000}, as a person reads a number. */
final class Limits {
    private Limits() {
    }

    static String characters(int count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
