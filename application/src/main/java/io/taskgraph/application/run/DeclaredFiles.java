package io.taskgraph.application.run;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.spec.DeclaredFile;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.nio.file.Files;
import java.util.List;

/**
 * The input files a spec declares by path, checked before a run writes anything and by {@code show}, with the same
 * message in both. (A loader that returns a path is only checked when it runs, at ingestion.)
 */
public final class DeclaredFiles {
    private DeclaredFiles() {
    }

    /** Whether {@code file} is there to be read. */
    public static boolean present(DeclaredFile file) {
        return Files.isRegularFile(file.path());
    }

    /** What is wrong with each declared input file that is not there, in declaration order. */
    public static List<String> missing(WorkspaceSpec spec) {
        return spec.inputs().stream()
                .filter(input -> input.file().filter(file -> !present(file)).isPresent())
                .map(input -> input.file().orElseThrow().notFound(input.name()))
                .toList();
    }

    /** Throws when a declared input file is not there, naming every one that is missing. */
    public static void requirePresent(WorkspaceSpec spec) {
        List<String> missing = missing(spec);
        if (missing.size() == 1) {
            throw new InvalidSpecException(missing.get(0));
        }
        if (!missing.isEmpty()) {
            throw new InvalidSpecException(missing.size() + " input files are missing:\n  - "
                    + String.join("\n  - ", missing));
        }
    }
}
