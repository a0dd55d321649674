package io.taskgraph.domain.meta;

import io.taskgraph.domain.definition.TaskDefinition;
import io.taskgraph.domain.llm.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a workspace records about one task ({@code _task_meta}). Written, it is an update: each part that is present
 * replaces what the task had recorded for it, and absent parts keep what was there (a task that did not run again
 * keeps the record of the run that built its views). Read, a part the file does not hold (an older workspace, a run
 * killed early, a value this version cannot read) is empty, never an error.
 *
 * @param kind        {@code agent} or {@code sql}
 * @param status      the task's status label ({@code passed}, {@code reused}, ...)
 * @param validation  {@code PASSED} or {@code FAILED}
 * @param modelUsed   the model a task that ran was given; present with an empty model when its views came from SQL
 * @param usage       tokens and cost; written, a usage without a cost removes a cost recorded before, so a task that
 *                    ran again keeps no figure of the run its workspace was copied from
 * @param definition  the task's definition as it was when the task last ran
 */
public record TaskMeta(
        Optional<String> kind,
        Optional<String> status,
        Optional<String> validation,
        Optional<List<String>> outputs,
        Optional<String> timestamp,
        Optional<ModelUsed> modelUsed,
        Optional<Long> iterations,
        Optional<Long> toolCalls,
        Optional<Duration> elapsed,
        Optional<Usage> usage,
        Optional<String> finalMessage,
        Optional<String> reason,
        Optional<List<String>> failures,
        Optional<TaskDefinition> definition) {

    public static final TaskMeta EMPTY = builder().build();

    public TaskMeta {
        outputs = outputs.map(List::copyOf);
        failures = failures.map(List::copyOf);
    }

    /** The model and reasoning effort a task ran with; both empty for a task whose views came from SQL alone. */
    public record ModelUsed(Optional<String> model, Optional<String> reasoningEffort) {
        public static final ModelUsed NONE = new ModelUsed(Optional.empty(), Optional.empty());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the parts one write reports; parts never set stay empty. */
    public static final class Builder {
        private String kind;
        private String status;
        private String validation;
        private List<String> outputs;
        private String timestamp;
        private ModelUsed modelUsed;
        private Long iterations;
        private Long toolCalls;
        private Duration elapsed;
        private Usage usage;
        private String finalMessage;
        private String reason;
        private List<String> failures;
        private TaskDefinition definition;

        private Builder() {
        }

        public Builder kind(String value) {
            kind = value;
            return this;
        }

        public Builder status(String value) {
            status = value;
            return this;
        }

        public Builder validation(String value) {
            validation = value;
            return this;
        }

        public Builder outputs(List<String> value) {
            outputs = value;
            return this;
        }

        public Builder timestamp(String value) {
            timestamp = value;
            return this;
        }

        public Builder modelUsed(ModelUsed value) {
            modelUsed = value;
            return this;
        }

        public Builder iterations(long value) {
            iterations = value;
            return this;
        }

        public Builder toolCalls(long value) {
            toolCalls = value;
            return this;
        }

        public Builder elapsed(Duration value) {
            elapsed = value;
            return this;
        }

        public Builder usage(Usage value) {
            usage = value;
            return this;
        }

        public Builder finalMessage(String value) {
            finalMessage = value;
            return this;
        }

        public Builder reason(String value) {
            reason = value;
            return this;
        }

        public Builder failures(List<String> value) {
            failures = value;
            return this;
        }

        public Builder definition(TaskDefinition value) {
            definition = value;
            return this;
        }

        public TaskMeta build() {
            return new TaskMeta(Optional.ofNullable(kind), Optional.ofNullable(status), Optional.ofNullable(validation),
                    Optional.ofNullable(outputs), Optional.ofNullable(timestamp), Optional.ofNullable(modelUsed),
                    Optional.ofNullable(iterations), Optional.ofNullable(toolCalls), Optional.ofNullable(elapsed),
                    Optional.ofNullable(usage), Optional.ofNullable(finalMessage), Optional.ofNullable(reason),
                    Optional.ofNullable(failures), Optional.ofNullable(definition));
        }
    }
}
