package io.taskgraph.adapters.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.spec.GitInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec's git root, commit and dirty flag are recorded; no repository is not an error. */
class GitInfoTest {
    @TempDir
    Path repo;

    private final PythonSpecLoader loader = PythonFixtures.loader(line -> { });

    private static String git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString(),
                "-c", "user.email=test@example.com", "-c", "user.name=Test", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private void writeSpec(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("app/specs"));
        Files.writeString(dir.resolve("app/specs/main.py"),
                "INPUTS = {\"t\": [{\"a\": 1}]}\nTASKS = [{\"name\": \"x\", \"prompt\": \"p\", \"outputs\": [\"v\"]}]\n");
    }

    @Test
    void aCleanTreeRecordsRootAndHeadWithoutWarnings() throws Exception {
        writeSpec(repo);
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "spec");
        String head = git(repo, "rev-parse", "HEAD");
        try (SpecSession session = loader.open(SpecRequest.of("app.specs.main", repo))) {
            GitInfo info = session.spec().origin().git();
            assertEquals(Optional.of(repo.toRealPath().toString()), info.root().map(r -> Path.of(r).toString()));
            assertEquals(Optional.of(head), info.commit());
            assertEquals(Optional.of(false), info.dirty());
            assertEquals(List.of(), session.warnings());
        }
    }

    @Test
    void aDirtyTreeIsRecordedAndWarnedAbout() throws Exception {
        writeSpec(repo);
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "spec");
        String head = git(repo, "rev-parse", "HEAD");
        Files.writeString(repo.resolve("app/specs/main.py"), "# edited\n", java.nio.file.StandardOpenOption.APPEND);
        try (SpecSession session = loader.open(SpecRequest.of("app.specs.main", repo))) {
            assertEquals(Optional.of(true), session.spec().origin().git().dirty());
            assertEquals(List.of("The git tree of app/specs/main.py (" + repo.toRealPath() + ") has uncommitted "
                    + "changes; the run records commit " + head.substring(0, 12) + ", which may not reproduce it. "
                    + "Commit first for a reproducible rerun."), session.warnings());
        }
    }

    @Test
    void aChangeAnywhereInTheTreeCountsWhenTaskgraphStartsInASubdirectory() throws Exception {
        writeSpec(repo);
        Files.writeString(repo.resolve("README"), "top\n");
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "spec");
        Files.writeString(repo.resolve("README"), "edited\n");
        try (SpecSession session = loader.open(SpecRequest.of("specs.main", repo.resolve("app")))) {
            GitInfo info = session.spec().origin().git();
            assertEquals(Optional.of(repo.toRealPath().toString()), info.root());
            assertEquals(Optional.of(git(repo, "rev-parse", "HEAD")), info.commit());
            assertEquals(Optional.of(true), info.dirty());
        }
    }

    @Test
    void aRepositoryWithoutACommitRecordsItsRootAndNoCommit() throws Exception {
        writeSpec(repo);
        git(repo, "init", "-q");
        try (SpecSession session = loader.open(SpecRequest.of("app.specs.main", repo))) {
            GitInfo info = session.spec().origin().git();
            assertEquals(Optional.of(repo.toRealPath().toString()), info.root());
            assertEquals(Optional.empty(), info.commit());
            assertEquals(Optional.of(true), info.dirty()); // the spec itself is not committed
            assertEquals(List.of("The git tree of app/specs/main.py (" + repo.toRealPath() + ") has uncommitted "
                    + "changes; the run records commit (none yet), which may not reproduce it. Commit first for a "
                    + "reproducible rerun."), session.warnings());
        }
    }

    @Test
    void aSpecInANestedRepositoryRecordsThatRepository() throws Exception {
        git(repo, "init", "-q");
        Files.writeString(repo.resolve("README"), "outer\n");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "outer");
        Path inner = repo.resolve("vendor");
        writeSpec(inner);
        git(inner, "init", "-q");
        git(inner, "add", ".");
        git(inner, "commit", "-q", "-m", "inner");
        try (SpecSession session = loader.open(SpecRequest.of("vendor.app.specs.main", repo))) {
            assertEquals(Optional.of(inner.toRealPath().toString()), session.spec().origin().git().root());
            assertEquals(Optional.of(git(inner, "rev-parse", "HEAD")), session.spec().origin().git().commit());
        }
    }

    @Test
    void aSpecOutsideAnyRepositoryHasUnknownGitInfoAndLoadsFine() throws Exception {
        writeSpec(repo);
        Files.writeString(repo.resolve(".git"), "gitdir: /nonexistent\n"); // stops git from looking further up
        try (SpecSession session = loader.open(SpecRequest.of("app.specs.main", repo))) {
            assertEquals(GitInfo.unknown(), session.spec().origin().git());
            assertTrue(session.warnings().isEmpty());
        }
    }
}
