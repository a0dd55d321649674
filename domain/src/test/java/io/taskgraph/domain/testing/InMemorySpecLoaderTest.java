package io.taskgraph.domain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.spec.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemorySpecLoaderTest {
    @TempDir
    Path dir;

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    private final InMemorySpecLoader loader = InMemorySpecLoader.create().module(InMemorySpec.module("app.specs.main")
            .input("sales", List.of(new Column("id", "BIGINT"), new Column("day", "DATE")),
                    List.of(row("id", 1L, "day", LocalDate.of(2026, 1, 2)), row("id", 2L, "day", null)))
            .failingInput("broken", "FileNotFoundError: data.csv")
            .task(TaskSpec.agent("t", "do it", List.of("sales"), List.of("out")))
            .export("ok.txt", (reader, file) -> Files.writeString(file, "fine"))
            .export("bad.txt", (reader, file) -> {
                throw new IllegalStateException("no such view");
            })
            .warning("git tree is dirty")
            .build());

    @Test
    void materializeWritesOneNdjsonLinePerRowWithDatesAsIsoText() throws Exception {
        try (SpecSession session = loader.open(SpecRequest.of("app.specs.main", dir))) {
            TableSource source = session.materialize("sales", dir);
            assertEquals(SourceFormat.NDJSON, source.format());
            assertEquals(List.of(new Column("id", "BIGINT"), new Column("day", "DATE")), source.columns());
            assertEquals(List.of("{\"id\":1,\"day\":\"2026-01-02\"}", "{\"id\":2,\"day\":null}"),
                    Files.readAllLines(source.file()));
            assertEquals(List.of("git tree is dirty"), session.warnings());
            assertEquals("app.specs.main", session.spec().origin().module());
        }
        assertEquals(0, loader.openSessions());
    }

    @Test
    void unknownModuleIsAnInvalidSpecNamingTheModule() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> loader.open(SpecRequest.of("app.specs.nope", dir)));
        assertTrue(e.getMessage().contains("'app.specs.nope'"), e.getMessage());
    }

    @Test
    void failingInputNamesTheInputAndTheCause() {
        try (SpecSession session = loader.open(SpecRequest.of("app.specs.main", dir))) {
            InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> session.materialize("broken", dir));
            assertEquals("Input 'broken' could not be loaded: FileNotFoundError: data.csv", e.getMessage());
        }
    }

    @Test
    void exportErrorsAreCapturedPerFile() throws Exception {
        try (SpecSession session = loader.open(SpecRequest.of("app.specs.main", dir))) {
            List<ExportResult> results = session.runExports(null, dir);
            assertEquals(2, results.size());
            assertTrue(results.get(0).succeeded());
            assertEquals("fine", Files.readString(dir.resolve("ok.txt")));
            assertFalse(results.get(1).succeeded());
            assertEquals("IllegalStateException: no such view", results.get(1).error().orElseThrow());
        }
        assertEquals(List.of("app.specs.main"), loader.requests().stream().map(SpecRequest::module).toList());
    }
}
