package io.taskgraph.adapters.web.spec;

import io.taskgraph.adapters.web.error.WebException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The specs a web user can run: the spec module the working directory's project names (as the CLI finds it
 * without {@code --spec}), every module under its {@code specs/}, then the built-in examples. Only these can
 * be run: a form cannot make the server import an arbitrary module.
 */
public final class SpecCatalog {
    private final BuiltinSpecs builtins;
    private final WorkspaceSpecs workspace;
    private final Supplier<Optional<String>> projectSpec;
    private final boolean onlyProjectSpec;

    /**
     * @param projectSpec the module the project's configuration names, if any (the CLI's spec discovery);
     *                    listed first when its file exists in the working directory
     */
    public SpecCatalog(BuiltinSpecs builtins, WorkspaceSpecs workspace, Supplier<Optional<String>> projectSpec) {
        this(builtins, workspace, projectSpec, false);
    }

    private SpecCatalog(BuiltinSpecs builtins, WorkspaceSpecs workspace, Supplier<Optional<String>> projectSpec,
                        boolean onlyProjectSpec) {
        this.builtins = builtins;
        this.workspace = workspace;
        this.projectSpec = projectSpec;
        this.onlyProjectSpec = onlyProjectSpec;
    }

    /** A catalog of exactly one spec, {@code module} of the working directory (the demo offers only its own). */
    public static SpecCatalog only(WorkspaceSpecs workspace, String module) {
        return new SpecCatalog(BuiltinSpecs.none(), workspace, () -> Optional.of(module), true);
    }

    /** Workspace specs first (they win over a built-in of the same id), then built-ins. */
    public List<SpecEntry> list() {
        Map<String, SpecEntry> byId = new LinkedHashMap<>();
        projectSpec.get().ifPresent(module -> workspace.fileOf(module).ifPresent(path ->
                byId.put(module, new SpecEntry(module, path, SpecEntry.Source.WORKSPACE))));
        if (onlyProjectSpec) {
            return new ArrayList<>(byId.values());
        }
        workspace.list().forEach(spec -> byId.putIfAbsent(spec.id(), spec));
        builtins.list().forEach(spec -> byId.putIfAbsent(spec.id(), spec));
        return new ArrayList<>(byId.values());
    }

    /** The listed spec with that id; a 400 naming the id and where to find valid ones otherwise. */
    public SpecEntry find(String id) {
        if (id == null || id.isBlank()) {
            throw WebException.badInput("Form field 'spec_id' is missing: pick a spec from GET /api/specs.");
        }
        return list().stream().filter(spec -> spec.id().equals(id.strip())).findFirst()
                .orElseThrow(() -> WebException.badInput("Unknown spec '" + shorten(id.strip()) + "': it is neither a "
                        + "built-in example nor a spec module under " + workspace.workingDirectory()
                        + "; GET /api/specs lists the specs you can run."));
    }

    /** Where a run of {@code spec} loads it from; a built-in is first copied into {@code runSpecDirectory}. */
    public SpecLocation locate(SpecEntry spec, Path runSpecDirectory) {
        return spec.source() == SpecEntry.Source.BUILTIN ? builtins.extract(spec, runSpecDirectory)
                : new SpecLocation(spec.id(), workspace.workingDirectory());
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
