package io.taskgraph.application.run;

import java.util.List;

/** What a run does with one task once every task it depends on has settled: decided by a {@link TaskDecider}. */
public sealed interface TaskStep {
    /** Build its outputs from scratch: a fresh agent, or its SQL. */
    record Build() implements TaskStep {
    }

    /** Keep its views as they are (they pass validation); {@code changed}: definition fields changed since they were built. */
    record Reuse(List<String> changed) implements TaskStep {
        public Reuse {
            changed = List.copyOf(changed);
        }
    }

    /**
     * Run it again over its existing views, for {@code reason}; its agent is shown {@code failures}, what fails now
     * (possibly nothing), and a SQL task runs its statements again.
     */
    record Rerun(String reason, List<String> failures) implements TaskStep {
        public Rerun {
            failures = List.copyOf(failures);
        }
    }

    /** Leave it as it is and count it failed: its views fail validation and {@code reason} says why it may not run. */
    record Refuse(String reason, List<String> failures) implements TaskStep {
        public Refuse {
            failures = List.copyOf(failures);
        }
    }
}
