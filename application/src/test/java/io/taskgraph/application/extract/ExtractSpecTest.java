package io.taskgraph.application.extract;

import io.taskgraph.domain.meta.WorkspaceMeta;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.WorkspaceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractSpecTest {
    private static final String SOURCE = "# spec with ünïcode, tabs\tand CRLF\r\nINPUTS = {}\r\nTASKS = []\n\n";

    @TempDir
    Path dir;

    private final RecordedWorkspaces engine = new RecordedWorkspaces();
    private Path db;
    private Path out;

    @BeforeEach
    void workspace() throws IOException {
        db = Files.writeString(dir.resolve("jan.db"), "pretend DuckDB");
        out = dir.resolve("extracted/spec.py");
        engine.register(db, WorkspaceMeta.builder().specSource(SOURCE).specModule("my_app.specs.jan")
                .specGitCommit("0123abcd").build());
    }

    @Test
    void writesTheRecordedSourceByteForByte() throws IOException {
        ExtractedSpec result = new ExtractSpec(engine).extract(db, out, false);

        assertArrayEquals(SOURCE.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(out));
        assertEquals(new ExtractedSpec(out, SOURCE.getBytes(StandardCharsets.UTF_8).length,
                Optional.of("my_app.specs.jan"), Optional.of("0123abcd")), result);
        assertEquals(1, engine.closed, "the workspace is closed again");
    }

    @Test
    void refusesToOverwriteWithoutForceAndKeepsTheFile() throws IOException {
        Files.createDirectories(out.getParent());
        Files.writeString(out, "mine");

        UsageException e = assertThrows(UsageException.class, () -> new ExtractSpec(engine).extract(db, out, false));

        assertEquals(out + " already exists; pass -f (--force) to overwrite it, or choose another name.", e.getMessage());
        assertEquals("mine", Files.readString(out));
        assertEquals(0, engine.opened);
    }

    @Test
    void overwritesWithForce() throws IOException {
        Files.createDirectories(out.getParent());
        Files.writeString(out, "mine");

        new ExtractSpec(engine).extract(db, out, true);

        assertEquals(SOURCE, Files.readString(out));
    }

    @Test
    void missingWorkspaceIsAUsageError() {
        UsageException e = assertThrows(UsageException.class,
                () -> new ExtractSpec(engine).extract(dir.resolve("nope.db"), out, false));

        assertEquals("No workspace file at " + dir.resolve("nope.db") + "; give the .db file a taskgraph run wrote.",
                e.getMessage());
    }

    @Test
    void fileThatIsNotADatabaseIsReportedInTheEnginesWords() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");

        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> new ExtractSpec(engine).extract(text, out, false));

        assertEquals("not a DuckDB database file", e.getMessage(), "the engine's message, which names the file");
    }

    @Test
    void databaseWithoutMetadataIsNotAWorkspace() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.db"), "x");
        engine.register(plain, null);

        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> new ExtractSpec(engine).extract(plain, out, false));

        assertEquals(plain + " is a DuckDB database but not a taskgraph workspace: it has no _workspace_meta table.",
                e.getMessage());
        assertEquals(1, engine.closed);
    }

    @Test
    void workspaceWithoutSourceSaysSoAndWritesNothing() throws IOException {
        Path old = Files.writeString(dir.resolve("old.db"), "x");
        engine.register(old, WorkspaceMeta.builder().specModule("my_app.specs.main").build());

        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> new ExtractSpec(engine).extract(old, out, false));

        assertEquals(old + " records no spec source (spec module my_app.specs.main), so there is nothing to extract; "
                + "it was written without the spec's source text.", e.getMessage());
        assertEquals(false, Files.exists(out));
    }

    @Test
    void refusesToWriteOverTheWorkspaceItself() {
        UsageException e = assertThrows(UsageException.class, () -> new ExtractSpec(engine).extract(db, db, true));

        assertEquals("The output " + db + " is the workspace itself; choose another file name.", e.getMessage());
    }
}
