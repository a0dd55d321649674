package io.taskgraph.adapters.cli.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.python.PythonSpecLoader;
import io.taskgraph.adapters.web.spec.BuiltinSpecs;
import io.taskgraph.adapters.web.spec.SpecCatalog;
import io.taskgraph.adapters.web.spec.SpecEntry;
import io.taskgraph.adapters.web.spec.SpecLocation;
import io.taskgraph.adapters.web.spec.WorkspaceSpecs;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.graph.TaskGraph;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's examples, as the web page offers them: each built-in example spec, copied into a run folder the
 * way a web run gets it, loads in real python3, forms a valid DAG, and every input materialises.
 */
class BuiltinExamplesTest {
    private static final List<String> EXAMPLES = List.of("examples.specs.minimal", "examples.specs.diamond",
            "examples.specs.reconcile", "examples.specs.orders_jan", "examples.specs.orders_feb");

    @TempDir
    Path dir;

    @Test
    void everyRepositoryExampleIsOfferedAsABuiltInSpec() {
        SpecCatalog catalog = new SpecCatalog(BuiltinSpecs.fromClasspath(), new WorkspaceSpecs(dir), Optional::empty);
        List<String> ids = catalog.list().stream().map(SpecEntry::id).toList();
        assertTrue(ids.containsAll(EXAMPLES), ids.toString());
    }

    @Test
    void everyBuiltInExampleLoadsAndIngestsFromARunFolder() throws Exception {
        SpecCatalog catalog = new SpecCatalog(BuiltinSpecs.fromClasspath(), new WorkspaceSpecs(dir), Optional::empty);
        for (String id : EXAMPLES) {
            Path runFolder = Files.createDirectories(dir.resolve(id));
            SpecLocation location = catalog.locate(catalog.find(id), runFolder);
            try (SpecSession session = new PythonSpecLoader(System.getenv(), dir, line -> { }).open(SpecRequest.of(location.module(),
                    location.workingDirectory()))) {
                WorkspaceSpec spec = session.spec();
                assertFalse(spec.tasks().isEmpty(), id);
                TaskGraph.of(spec.tasks(), spec.inputs().stream().map(InputSpec::name).toList());
                for (InputSpec input : spec.inputs()) {
                    TableSource source = session.materialize(input.name(), Files.createDirectories(runFolder.resolve("scratch")));
                    assertTrue(Files.size(source.file()) > 0, id + " input " + input.name() + " has data");
                }
            }
        }
        assertEquals(EXAMPLES.size(), Files.list(dir).count());
    }
}
