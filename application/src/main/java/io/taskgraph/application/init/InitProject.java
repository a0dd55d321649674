package io.taskgraph.application.init;

import io.taskgraph.application.discovery.DiscoveredSpec;
import io.taskgraph.application.discovery.SpecDiscovery;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.WorkspaceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scaffolds a spec package in a Python project: {@code specs/__init__.py}, a working {@code specs/main.py}
 * (found by discovery without any setting) and a {@code .gitignore} keeping workspaces and secrets out of git.
 * It never overwrites the user's spec unless told to, and never touches an existing {@code .gitignore}.
 */
public final class InitProject {
    static final String MAIN_TEMPLATE = "/io/taskgraph/application/init/main.py.txt";
    static final String GITIGNORE = """
            # taskgraph workspaces and their write-ahead logs
            *.db
            *.db.wal
            # API keys (OPENROUTER_API_KEY=...)
            .env
            # Python
            __pycache__/
            .venv/
            """;

    public InitResult init(Path directory, boolean force) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("pyproject.toml"))) {
            throw new UsageException("No pyproject.toml in " + dir + ". taskgraph init adds a spec package to a "
                    + "Python project; start one first (uv init, or a pyproject.toml with a [project] table holding "
                    + "name and version), then run taskgraph init again.");
        }
        Path specs = dir.resolve("specs");
        if (Files.exists(specs) && !Files.isDirectory(specs)) {
            throw new UsageException(specs + " exists and is not a directory; move it away so init can create "
                    + "the specs package there.");
        }
        Path main = specs.resolve("main.py");
        String template = template();
        if (Files.exists(main) && !force && !template.equals(readOrNull(main))) {
            throw new UsageException("specs/main.py already exists in " + dir + "; init leaves it alone. "
                    + "Run taskgraph init --force to replace it with the starter spec (its current content is lost).");
        }

        List<Path> written = new ArrayList<>();
        List<Path> kept = new ArrayList<>();
        writeUnlessPresent(specs.resolve("__init__.py"), "", written, kept);
        if (template.equals(readOrNull(main))) {
            kept.add(main);
        } else {
            write(main, template);
            written.add(main);
        }
        writeUnlessPresent(dir.resolve(".gitignore"), GITIGNORE, written, kept);

        List<String> notes = new ArrayList<>();
        Optional<DiscoveredSpec> discovered = SpecDiscovery.discover(dir);
        String module = discovered.map(DiscoveredSpec::module).orElse(SpecDiscovery.CONVENTIONAL_MODULE);
        if (!module.equals(SpecDiscovery.CONVENTIONAL_MODULE)) {
            notes.add("pyproject.toml sets [tool.taskgraph] spec = \"" + module + "\", so taskgraph run loads that "
                    + "module; pass --spec specs.main to run the new one.");
        }
        if (kept.contains(dir.resolve(".gitignore"))) {
            List<String> missing = missingIgnores(readOrNull(dir.resolve(".gitignore")));
            if (!missing.isEmpty()) {
                notes.add(".gitignore was left as it was; consider adding " + String.join(" and ", missing)
                        + " so workspaces and API keys stay out of git.");
            }
        }
        return new InitResult(dir, written, kept, module, notes);
    }

    private static List<String> missingIgnores(String gitignore) {
        List<String> lines = gitignore == null ? List.of() : gitignore.lines().map(String::strip).toList();
        List<String> missing = new ArrayList<>();
        for (String pattern : List.of("*.db", ".env")) {
            if (!lines.contains(pattern)) {
                missing.add(pattern);
            }
        }
        return missing;
    }

    private static void writeUnlessPresent(Path file, String content, List<Path> written, List<Path> kept) {
        if (Files.exists(file)) {
            kept.add(file);
        } else {
            write(file, content);
            written.add(file);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WorkspaceException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String readOrNull(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The starter spec shipped with the application. */
    public static String template() {
        try (InputStream in = InitProject.class.getResourceAsStream(MAIN_TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("starter spec " + MAIN_TEMPLATE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
