package io.taskgraph.application.rerun;

import io.taskgraph.domain.UsageException;
import java.util.Locale;

/** How a rerun treats tasks whose existing views still pass validation. */
public enum RerunMode {
    /** Reuse tasks whose views still pass (no model call); run agents only for the others. */
    VALIDATE,
    /** Always give each task's agent the existing views and any failures to review. */
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
        throw new UsageException("Unknown rerun mode '" + text + "'; use validate or review.");
    }
}
