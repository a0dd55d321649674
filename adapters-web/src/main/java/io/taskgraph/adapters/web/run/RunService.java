package io.taskgraph.adapters.web.run;

import io.taskgraph.adapters.web.error.WebException;
import io.taskgraph.adapters.web.spec.SpecCatalog;
import io.taskgraph.adapters.web.spec.SpecEntry;
import io.taskgraph.adapters.web.spec.SpecLocation;
import io.taskgraph.application.run.RunWorkspaces;
import io.taskgraph.domain.port.SpecRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Starts web runs and finds them again: the one door from the HTTP layer to runs. */
public final class RunService implements AutoCloseable {
    private final SpecCatalog catalog;
    private final SpecTasks tasks;
    private final RunWorkspaces runs;
    private final RunRegistry registry;
    private final RunLauncher launcher;

    /**
     * @param keepRuns how many finished runs stay (their state and folder); older ones are forgotten
     */
    public RunService(SpecCatalog catalog, SpecTasks tasks, RunWorkspaces runs, RunOutputs outputs, Path runsDirectory,
                      int maxConcurrentRuns, int keepRuns, Clock clock) {
        this.catalog = catalog;
        this.tasks = tasks;
        this.runs = runs;
        this.registry = new RunRegistry(runsDirectory, keepRuns, clock);
        this.launcher = new RunLauncher(runs, outputs, maxConcurrentRuns, registry::ended);
    }

    /**
     * Checks the request, gives the run its folder with the uploads in {@code data/}, and starts it in the
     * background. Bad input fails here, and leaves no folder behind: an unknown spec, a run that cannot start, a
     * selection naming a task the spec does not declare.
     */
    public WebRun start(RunSettings settings, List<Upload> uploads) {
        SpecEntry spec = catalog.find(settings.specId());
        runs.checkReady();
        RunFolder folder = registry.newFolder();
        try {
            for (Upload upload : uploads) {
                save(upload, folder.data());
            }
            SpecLocation location = catalog.locate(spec, folder.spec());
            tasks.check(location, folder.data(), settings.selection());
            WebRun run = registry.register(folder, settings, uploads.stream().map(Upload::name).toList());
            SpecRequest request = SpecTasks.request(location, folder.data());
            launcher.launch(run, new RunOrder(request, folder.output(), settings.model(), settings.effort(),
                    settings.maxIterations(), settings.selection()));
            return run;
        } catch (RuntimeException e) {
            Folders.delete(folder.root());
            throw e;
        }
    }

    /** Writes one upload under {@code data}; the name was checked already, the resolved path is checked again. */
    private static void save(Upload upload, Path data) {
        Path target = data.resolve(upload.name()).normalize();
        if (!target.getParent().equals(data)) {
            throw WebException.badInput("Upload name '" + upload.name() + "' is not a plain file name.");
        }
        try (InputStream in = upload.content().open()) {
            Files.copy(in, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the upload " + upload.name() + ": " + e.getMessage(), e);
        }
    }

    public WebRun find(String id) {
        return registry.find(id);
    }

    public List<WebRun> all() {
        return registry.all();
    }

    /** Asks run {@code id} to stop; it ends as interrupted, keeping what it wrote so far. */
    public WebRun cancel(String id) {
        WebRun run = registry.find(id);
        launcher.cancel(run);
        return run;
    }

    @Override
    public void close() {
        launcher.close();
    }
}
