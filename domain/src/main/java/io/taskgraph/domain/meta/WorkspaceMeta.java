package io.taskgraph.domain.meta;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a workspace records about its run ({@code _workspace_meta}). Written, it is an update: present parts replace
 * what was recorded, absent parts keep it. Read, a part the file does not hold (an older workspace, a value this
 * version cannot read) is empty, never an error.
 *
 * @param fingerprint    the structural fingerprint's canonical text, compared as text on rerun
 * @param prompts        each task's prompt, in spec order
 * @param model          the model the run was given
 * @param timestamp      when the run started (an ISO-8601 instant as written)
 * @param inputRowCounts rows per input table
 * @param inputFiles     the files inputs were read from
 * @param sourceDb       the workspace a rerun was copied from
 * @param rerunMode      the rerun's mode
 * @param specSource     the spec module's source text (empty when it had none)
 * @param specModule     the spec module's dotted name
 * @param specGitCommit  the commit of the spec's repository, or {@code unknown}
 * @param specGitRoot    the root of the spec's repository, or {@code unknown}
 * @param specGitDirty   whether the spec's repository had uncommitted changes
 * @param interrupted    true while the run is in progress or when it stopped early; false once it finished
 */
public record WorkspaceMeta(
        Optional<String> fingerprint,
        Optional<Map<String, String>> prompts,
        Optional<String> model,
        Optional<String> timestamp,
        Optional<Map<String, Long>> inputRowCounts,
        Optional<List<InputFile>> inputFiles,
        Optional<String> sourceDb,
        Optional<String> rerunMode,
        Optional<String> specSource,
        Optional<String> specModule,
        Optional<String> specGitCommit,
        Optional<String> specGitRoot,
        Optional<Boolean> specGitDirty,
        Optional<Boolean> interrupted) {

    public static final WorkspaceMeta EMPTY = builder().build();

    public WorkspaceMeta {
        prompts = prompts.map(WorkspaceMeta::ordered);
        inputRowCounts = inputRowCounts.map(WorkspaceMeta::ordered);
        inputFiles = inputFiles.map(List::copyOf);
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's parts, to add to or replace. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.fingerprint = fingerprint.orElse(null);
        b.prompts = prompts.orElse(null);
        b.model = model.orElse(null);
        b.timestamp = timestamp.orElse(null);
        b.inputRowCounts = inputRowCounts.orElse(null);
        b.inputFiles = inputFiles.orElse(null);
        b.sourceDb = sourceDb.orElse(null);
        b.rerunMode = rerunMode.orElse(null);
        b.specSource = specSource.orElse(null);
        b.specModule = specModule.orElse(null);
        b.specGitCommit = specGitCommit.orElse(null);
        b.specGitRoot = specGitRoot.orElse(null);
        b.specGitDirty = specGitDirty.orElse(null);
        b.interrupted = interrupted.orElse(null);
        return b;
    }

    /** Collects the parts one write reports; parts never set stay empty. */
    public static final class Builder {
        private String fingerprint;
        private Map<String, String> prompts;
        private String model;
        private String timestamp;
        private Map<String, Long> inputRowCounts;
        private List<InputFile> inputFiles;
        private String sourceDb;
        private String rerunMode;
        private String specSource;
        private String specModule;
        private String specGitCommit;
        private String specGitRoot;
        private Boolean specGitDirty;
        private Boolean interrupted;

        private Builder() {
        }

        public Builder fingerprint(String value) {
            fingerprint = value;
            return this;
        }

        public Builder prompts(Map<String, String> value) {
            prompts = value;
            return this;
        }

        public Builder model(String value) {
            model = value;
            return this;
        }

        public Builder timestamp(String value) {
            timestamp = value;
            return this;
        }

        public Builder inputRowCounts(Map<String, Long> value) {
            inputRowCounts = value;
            return this;
        }

        public Builder inputFiles(List<InputFile> value) {
            inputFiles = value;
            return this;
        }

        public Builder sourceDb(String value) {
            sourceDb = value;
            return this;
        }

        public Builder rerunMode(String value) {
            rerunMode = value;
            return this;
        }

        public Builder specSource(String value) {
            specSource = value;
            return this;
        }

        public Builder specModule(String value) {
            specModule = value;
            return this;
        }

        public Builder specGitCommit(String value) {
            specGitCommit = value;
            return this;
        }

        public Builder specGitRoot(String value) {
            specGitRoot = value;
            return this;
        }

        public Builder specGitDirty(boolean value) {
            specGitDirty = value;
            return this;
        }

        public Builder interrupted(boolean value) {
            interrupted = value;
            return this;
        }

        public WorkspaceMeta build() {
            return new WorkspaceMeta(Optional.ofNullable(fingerprint), Optional.ofNullable(prompts),
                    Optional.ofNullable(model), Optional.ofNullable(timestamp), Optional.ofNullable(inputRowCounts),
                    Optional.ofNullable(inputFiles), Optional.ofNullable(sourceDb), Optional.ofNullable(rerunMode),
                    Optional.ofNullable(specSource), Optional.ofNullable(specModule),
                    Optional.ofNullable(specGitCommit), Optional.ofNullable(specGitRoot),
                    Optional.ofNullable(specGitDirty), Optional.ofNullable(interrupted));
        }
    }
}
