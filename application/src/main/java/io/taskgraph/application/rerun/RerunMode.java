package io.taskgraph.application.rerun;

import io.taskgraph.domain.UsageException;
import java.util.Locale;

/**
 * Which agents a rerun invokes besides those of tasks whose views fail validation. In every mode a task downstream
 * of a task that ran again is validated again once that task is done, and runs again only if a check now fails.
 */
public enum RerunMode {
    /** Only the agents of tasks whose views fail validation; a task whose definition changed but whose views still
     *  pass is reused, and listed with what changed. */
    VALIDATE,
    /** As {@link #VALIDATE}, and also the agents of tasks whose definition changed since their views were built. */
    CHANGED,
    /** Every agent, shown its existing views and what fails now. */
    REVIEW;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RerunMode parse(String text) {
        for (RerunMode mode : values()) {
            if (mode.wire().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return mode;
            }
        }
        throw new UsageException("Unknown rerun mode '" + text + "'; use validate, changed or review.");
    }
}
