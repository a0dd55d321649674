package io.taskgraph.domain.fingerprint;

import io.taskgraph.domain.spec.WorkspaceSpec;
import java.util.List;

/**
 * The structure a rerun must keep: input names and required columns; task names, inputs, outputs and
 * output_columns. Prompts, validate_sql and exports are left out so they can evolve between runs.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    /** Stable JSON text of the spec's structure (same spec, same text). */
    public static String of(WorkspaceSpec spec) {
        throw new UnsupportedOperationException("implemented by the domain rules work");
    }

    /** Every incompatibility between a recorded fingerprint and the current one; empty when compatible. */
    public static List<String> differences(String recorded, String current) {
        throw new UnsupportedOperationException("implemented by the domain rules work");
    }
}
