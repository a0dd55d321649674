package io.taskgraph.adapters.web.run;

import io.taskgraph.adapters.web.spec.SpecCatalog;
import io.taskgraph.adapters.web.spec.SpecEntry;
import io.taskgraph.adapters.web.spec.SpecLocation;
import io.taskgraph.application.show.ShowSpec;
import io.taskgraph.application.show.SpecOverview;
import io.taskgraph.domain.graph.TaskSelection;
import io.taskgraph.domain.port.SpecRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The tasks of the specs the page offers: for the page's task selection ({@link #describe}) and for checking a run's
 * selection before the run starts ({@link #check}). Loading a spec imports its module (no data is ingested, no
 * database opened, no model called); its data folder is an empty one, as a run's would be without uploads.
 */
public final class SpecTasks {
    private final SpecCatalog catalog;
    private final ShowSpec specs;

    public SpecTasks(SpecCatalog catalog, ShowSpec specs) {
        this.catalog = catalog;
        this.specs = specs;
    }

    /** The catalog spec {@code specId}, described; a built-in is read from a copy removed afterwards. */
    public SpecOverview describe(String specId) {
        SpecEntry spec = catalog.find(specId);
        Path scratch = scratch();
        try {
            Path data = Files.createDirectories(scratch.resolve("data"));
            SpecLocation location = catalog.locate(spec, scratch.resolve("spec"));
            return specs.show(request(location, data));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a folder to read spec " + specId + " in: " + e.getMessage(), e);
        } finally {
            Folders.delete(scratch);
        }
    }

    /**
     * Throws the {@link io.taskgraph.domain.graph.UnknownTaskException} (a 400 naming the spec's tasks) when
     * {@code selection} names a task the spec at {@code location} does not declare; a run of every task is not loaded.
     */
    void check(SpecLocation location, Path data, TaskSelection selection) {
        if (!selection.all()) {
            specs.show(request(location, data), selection);
        }
    }

    static SpecRequest request(SpecLocation location, Path data) {
        return new SpecRequest(location.module(), location.workingDirectory(),
                Map.of(RunOrder.DATA_DIR_VARIABLE, data.toString()));
    }

    private static Path scratch() {
        try {
            return Files.createTempDirectory("taskgraph-spec-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a temporary folder to read a spec in: " + e.getMessage(), e);
        }
    }
}
