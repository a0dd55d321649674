package io.taskgraph.adapters.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge keeps the cyclic garbage collector away from a loader's rows while it writes them, and hands them
 * back once the input is ingested: reference cycles a loader leaves behind are still freed, so a long session of
 * many inputs does not keep them all.
 */
class LoaderGarbageTest {
    @TempDir
    Path app;
    @TempDir
    Path scratch;
    private SpecSession session;
    private final DuckDbReader db = new DuckDbReader();

    @BeforeEach
    void open() {
        PythonFixtures.copyTo(app);
        session = PythonFixtures.loader(line -> { }).open(SpecRequest.of("ingest.cycles", app));
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void referenceCyclesALoaderLeavesAreCollectedOnceItsInputIsIngested() {
        assertEquals(5000L, db.ingest("leaves_cycles", session.materialize("leaves_cycles", scratch)));
        db.ingest("freed_since", session.materialize("freed_since", scratch));
        assertEquals(List.of(List.of(3L)), db.query("SELECT freed FROM freed_since").rows());
    }
}
