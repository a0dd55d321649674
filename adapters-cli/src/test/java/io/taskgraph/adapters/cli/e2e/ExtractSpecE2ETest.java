package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.cli.e2e.FakeModelServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("e2e")
class ExtractSpecE2ETest {
    @TempDir
    Path dir;

    @Test
    void theExtractedSpecIsByteForByteTheOneThatRan() throws Exception {
        AppDir app = new AppDir(dir);
        String source = AppDir.EMPLOYEES.replace("INPUTS = {", "# ünïcödé, a tab\there and CRLF line ends\r\nINPUTS = {");
        String spec = app.spec("main", source);
        try (FakeModelServer model = FakeModelServer.start()) {
            model.script(AppDir.SUMMARIZE_MARKER, Reply.sql(AppDir.SUMMARY_VIEW), Reply.answer("Done."));
            Taskgraph taskgraph = new Taskgraph(dir).model(model);
            assertEquals(0, taskgraph.run("run", "-s", spec, "-o", "out.db").exitCode());

            Taskgraph.Result r = taskgraph.run("extract-spec", "out.db", "extracted/spec.py");

            assertEquals(0, r.exitCode(), r.all());
            assertArrayEquals(Files.readAllBytes(app.path("my_app/specs/main.py")), Files.readAllBytes(app.path("extracted/spec.py")));
            assertTrue(r.out().startsWith("Wrote extracted/spec.py ("), r.all());
            assertTrue(r.out().contains("the source of spec my_app.specs.main"), r.all());

            Taskgraph.Result again = taskgraph.run("extract-spec", "out.db", "extracted/spec.py");
            assertEquals(2, again.exitCode(), again.all());
            assertTrue(again.err().contains("already exists; pass -f (--force) to overwrite it"), again.all());
            assertEquals(0, taskgraph.run("extract-spec", "out.db", "extracted/spec.py", "-f").exitCode());
        }
    }

    @Test
    void aFileThatIsNotAWorkspaceIsNamedAsSuch() throws Exception {
        Files.writeString(dir.resolve("notes.db"), "just some text, not a database");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("plain.db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t AS SELECT 1 AS x");
        }
        Taskgraph taskgraph = new Taskgraph(dir);

        Taskgraph.Result text = taskgraph.run("extract-spec", "notes.db", "out.py");
        Taskgraph.Result plain = taskgraph.run("extract-spec", "plain.db", "out.py");
        Taskgraph.Result missing = taskgraph.run("extract-spec", "missing.db", "out.py");

        assertEquals(2, text.exitCode(), text.all());
        assertTrue(text.err().startsWith("taskgraph: ") && text.err().contains("notes.db"), text.all());
        assertEquals(2, plain.exitCode(), plain.all());
        assertTrue(plain.err().contains("plain.db is a DuckDB database but not a "), plain.all());
        assertTrue(plain.err().contains("_workspace_meta"), plain.all());
        assertEquals(2, missing.exitCode(), missing.all());
        assertTrue(missing.err().contains("No workspace file at "), missing.all());
        assertTrue(Files.notExists(dir.resolve("out.py")));
    }
}
