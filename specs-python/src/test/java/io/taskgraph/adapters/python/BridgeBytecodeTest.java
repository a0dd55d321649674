package io.taskgraph.adapters.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge's own modules keep their compiled bytecode beside them even when the user's PYTHONDONTWRITEBYTECODE
 * is set (otherwise every start compiles them again), while the user's own modules still get none.
 */
class BridgeBytecodeTest {
    @TempDir
    Path app;

    @Test
    void theBridgesModulesAreCachedButTheSpecsAreNotUnderDontWriteBytecode() throws Exception {
        PythonFixtures.copyTo(app);
        Path cache = BridgeFiles.script().getParent().resolve("_taskgraph_bridge/__pycache__");
        deleteTree(cache); // left by earlier runs: this one must write it

        PythonSpecLoader loader = new PythonSpecLoader(System.getenv(), app, line -> { });
        try (SpecSession session = loader.open(new SpecRequest("seed.minimal", app,
                Map.of("PYTHONDONTWRITEBYTECODE", "1")))) {
            assertEquals("seed.minimal", session.spec().origin().module());
        }

        try (Stream<Path> cached = Files.list(cache)) {
            var names = cached.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("session.")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("spec_reader.")), names.toString());
        }
        assertFalse(Files.exists(app.resolve("seed/__pycache__")), "the user's setting still holds for the spec");
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
