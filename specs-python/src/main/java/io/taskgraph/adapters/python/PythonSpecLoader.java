package io.taskgraph.adapters.python;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.spec.GitInfo;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@link SpecLoader} for Python spec modules: starts the bridge with the chosen Python in the working
 * directory, imports the module there, and keeps the process for ingestion and exports. Loading starts
 * nothing else (no database), so {@code taskgraph show} pays only for Python and the import.
 *
 * <p>The composition root gives the loader the environment taskgraph runs in (the spec's process gets exactly that
 * plus the request's own variables; this class never reads the JVM's environment) and the directory whose
 * {@code ./.venv} counts when choosing Python: the directory the user started taskgraph in, also when a spec is
 * imported from somewhere else (the demo's examples, a web run's copy of a built-in spec).
 */
public final class PythonSpecLoader implements SpecLoader {
    private final Map<String, String> environment;
    private final Path pythonDirectory;
    private final Consumer<String> output;
    private final Set<BridgeProcess> bridges = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    /**
     * @param environment     the environment of the spec's process and of the Python choice ({@code TASKGRAPH_PYTHON},
     *                        {@code PATH}); a request's variables are added to it
     * @param pythonDirectory where {@code ./.venv/bin/python} is looked for
     * @param output          receives each line the spec prints (stdout and stderr alike)
     */
    public PythonSpecLoader(Map<String, String> environment, Path pythonDirectory, Consumer<String> output) {
        this.environment = Map.copyOf(environment);
        this.pythonDirectory = pythonDirectory.toAbsolutePath().normalize();
        this.output = output;
    }

    @Override
    public SpecSession open(SpecRequest request) {
        Path workingDirectory = request.workingDirectory().toAbsolutePath().normalize();
        if (!Files.isDirectory(workingDirectory)) {
            throw new UsageException("Cannot load spec module " + request.module() + ": the working "
                    + "directory " + workingDirectory + " does not exist.");
        }
        Map<String, String> environment = new HashMap<>(this.environment);
        environment.putAll(request.environment());
        PythonCommand python = PythonSelector.select(pythonDirectory, environment);
        requireNotStopped(request);
        BridgeProcess bridge = BridgeProcess.launch(python, workingDirectory, environment, output);
        track(bridge);
        // git runs while Python starts and imports: the spec is almost always in the working directory's repo
        CompletableFuture<GitInfo> early = CompletableFuture.supplyAsync(() -> GitProbe.probe(workingDirectory));
        try {
            bridge.handshake();
            Map<String, Object> reply = bridge.request(
                    Map.of("op", "load", "module", request.module()), "importing spec module " + request.module());
            Map<String, Object> description = Replies.expect(reply, "spec", "importing " + request.module());
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) description.get("spec");
            Path file = Path.of(String.valueOf(spec.get("file")));
            GitInfo git = GitProbe.probe(file, workingDirectory, early.join());
            WorkspaceSpec workspaceSpec = SpecDescription.toSpec(spec, git, workingDirectory);
            List<String> warnings = new ArrayList<>();
            dirtyWarning(workspaceSpec, workingDirectory).ifPresent(warnings::add);
            return new PythonSpecSession(workspaceSpec, bridge, warnings);
        } catch (RuntimeException e) {
            bridge.close();
            throw e;
        }
    }

    /** Kills every bridge this loader started: see {@link SpecLoader#stop()}. */
    @Override
    public void stop() {
        stopped = true;
        bridges.forEach(BridgeProcess::stop);
    }

    private void track(BridgeProcess bridge) {
        bridges.add(bridge);
        if (stopped) {
            bridge.stop(); // stopped while it was starting: it must not run the spec
        }
    }

    private void requireNotStopped(SpecRequest request) {
        if (stopped) {
            throw new InvalidSpecException("Not importing spec module " + request.module() + ": the run was "
                    + "cancelled.");
        }
    }

    private static Optional<String> dirtyWarning(WorkspaceSpec spec, Path workingDirectory) {
        var git = spec.origin().git();
        if (git.dirty().orElse(false)) {
            return Optional.of("The git tree of " + SpecDescription.relative(workingDirectory, spec.origin().file())
                    + " (" + git.root().orElse("?") + ") has uncommitted changes; the run records commit "
                    + git.commit().map(c -> c.substring(0, Math.min(12, c.length()))).orElse("(none yet)")
                    + ", which may not reproduce it. Commit first for a reproducible rerun.");
        }
        return Optional.empty();
    }
}
