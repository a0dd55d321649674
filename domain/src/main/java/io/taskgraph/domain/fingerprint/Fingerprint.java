package io.taskgraph.domain.fingerprint;

import io.taskgraph.domain.json.JsonException;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.util.List;

/**
 * The structure a rerun must keep: input names and required columns; task names, inputs, outputs and
 * output_columns. Prompts, sql, validate_sql and exports are left out so they can evolve between runs.
 * The JSON text is canonical (sorted keys, sorted lists): the same structure always gives the same text,
 * whatever order the spec declares things in.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    /** Stable JSON text of the spec's structure (same spec, same text). */
    public static String of(WorkspaceSpec spec) {
        return Structure.of(spec).toJson();
    }

    /**
     * Every incompatibility between a recorded fingerprint and the current one, one sentence each
     * ({@code task 'sales' was removed}); empty when compatible. A recorded fingerprint that cannot be read
     * gives one sentence saying so. {@code current} must come from {@link #of}.
     */
    public static List<String> differences(String recorded, String current) {
        Structure now = Structure.parse(current);
        if (recorded == null || recorded.isBlank()) {
            return List.of("the previous run recorded no structural fingerprint, so its views cannot be checked "
                    + "against this spec; start a fresh run with `taskgraph run`");
        }
        Structure before;
        try {
            before = Structure.parse(recorded);
        } catch (JsonException e) {
            return List.of("the recorded structural fingerprint cannot be read (" + e.getMessage() + "); start a "
                    + "fresh run with `taskgraph run`");
        }
        return FingerprintDiff.between(before, now);
    }
}
