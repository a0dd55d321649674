package io.taskgraph.application.extract;

import io.taskgraph.domain.meta.WorkspaceMeta;
import io.taskgraph.application.files.WholeFile;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.ErrorCategory;
import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.spec.GitInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code extract-spec} use case: writes the spec source a workspace recorded ({@code spec_source} in
 * {@code _workspace_meta}) to a file, byte for byte. The workspace is opened read-only and never changed.
 */
public final class ExtractSpec {
    static final String META_TABLE = "_workspace_meta";

    private final SqlEngine engine;

    public ExtractSpec(SqlEngine engine) {
        this.engine = engine;
    }

    public ExtractedSpec extract(Path db, Path out, boolean overwrite) {
        if (!Files.isRegularFile(db)) {
            throw new UsageException("No workspace file at " + db + "; give the .db file a taskgraph run wrote.");
        }
        if (Files.isDirectory(out)) {
            throw new UsageException(out + " is a directory; give a file name for the spec, e.g. "
                    + out.resolve("extracted_spec.py") + ".");
        }
        if (Files.exists(out) && !overwrite) {
            throw new UsageException(out + " already exists; pass -f (--force) to overwrite it, or choose another name.");
        }
        if (sameFile(db, out)) {
            throw new UsageException("The output " + out + " is the workspace itself; choose another file name.");
        }
        WorkspaceMeta meta = readMeta(db);
        String source = meta.specSource().orElse(null);
        Optional<String> module = meta.specModule().flatMap(ExtractSpec::known);
        if (source == null || source.isEmpty()) {
            throw new WorkspaceException(ErrorCategory.BAD_INPUT, db + " records no spec source" + module.map(m -> " (spec module " + m + ")")
                    .orElse("") + ", so there is nothing to extract; it was written without the spec's source text.");
        }
        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        WholeFile.write(out, bytes);
        return new ExtractedSpec(out, bytes.length, module, meta.specGitCommit().flatMap(ExtractSpec::known));
    }

    /** The engine's own error names the file when it is not a database (or not a workspace) at all. */
    private WorkspaceMeta readMeta(Path db) {
        try (Workspace workspace = engine.openReadOnly(db)) {
            if (workspace.describe(META_TABLE).isEmpty()) {
                throw new WorkspaceException(ErrorCategory.BAD_INPUT, db + " is a DuckDB database but not a taskgraph workspace: it has no "
                        + META_TABLE + " table.");
            }
            return workspace.workspaceMeta();
        }
    }

    private static Optional<String> known(String value) {
        return Optional.of(value).filter(v -> !v.isBlank() && !v.equals(GitInfo.UNKNOWN));
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
