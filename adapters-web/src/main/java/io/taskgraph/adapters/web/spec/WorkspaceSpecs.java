package io.taskgraph.adapters.web.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The spec modules in the server's working directory: every Python module under {@code specs/} (ids like
 * {@code specs.sales.main}). Scanned on every call, so a spec written while the server runs shows up.
 */
public final class WorkspaceSpecs {
    static final String SPECS_DIR = "specs";
    private static final int MAX_DEPTH = 4;

    private final Path workingDirectory;

    public WorkspaceSpecs(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    public List<SpecEntry> list() {
        List<SpecEntry> found = new ArrayList<>();
        Path specs = workingDirectory.resolve(SPECS_DIR);
        if (!Files.isDirectory(specs)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(specs, MAX_DEPTH)) {
            files.filter(Files::isRegularFile)
                    .map(file -> workingDirectory.relativize(file).toString().replace('\\', '/'))
                    .filter(WorkspaceSpecs::looksLikeSpecModule)
                    .sorted()
                    .forEach(path -> ModuleNames.fromRelativePath(path).ifPresent(id ->
                            found.add(new SpecEntry(id, path, SpecEntry.Source.WORKSPACE))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the spec modules in " + specs + ": " + e.getMessage(), e);
        }
        return found;
    }

    /** Modules, not packages' {@code __init__.py}, private helpers ({@code _x.py}) or caches. */
    private static boolean looksLikeSpecModule(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".py") && !name.startsWith("_") && !path.contains("__pycache__");
    }

    /** The module's file relative to the working directory, when it exists there. */
    public java.util.Optional<String> fileOf(String module) {
        String path = ModuleNames.toRelativePath(module);
        return Files.isRegularFile(workingDirectory.resolve(path)) ? java.util.Optional.of(path)
                : java.util.Optional.empty();
    }
}
