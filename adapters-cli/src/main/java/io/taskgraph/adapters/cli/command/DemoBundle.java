package io.taskgraph.adapters.cli.command;

import io.taskgraph.domain.WorkspaceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What {@code taskgraph demo} ships inside the jar: the repository's {@code examples/} directory (specs, data,
 * solutions) and the recorded conversation of the diamond example. The spec is imported by python3 from a
 * directory, so the bundle is extracted to a fresh temporary working directory and deleted afterwards.
 */
final class DemoBundle implements AutoCloseable {
    /** Where the pom puts {@code examples/} on the classpath. */
    static final String EXAMPLES = "taskgraph-examples";
    /** The recording of the diamond run that the demo replays (see DemoCassetteTest to regenerate it). */
    static final String CASSETTE = "io/taskgraph/adapters/cli/demo/diamond.cassette.jsonl";
    static final String SPEC = "specs.diamond";
    static final String CASSETTE_FILE = "demo.cassette.jsonl";

    private final Path directory;

    private DemoBundle(Path directory) {
        this.directory = directory;
    }

    /** The examples and the cassette ({@link #CASSETTE_FILE}), extracted into a new temporary directory. */
    static DemoBundle extract() {
        Path directory;
        try {
            directory = Files.createTempDirectory("taskgraph-demo-");
        } catch (IOException e) {
            throw new WorkspaceException("Cannot create a temporary directory for the demo's examples: " + e.getMessage()
                    + "; check that the temp directory (java.io.tmpdir) is writable.", e);
        }
        DemoBundle bundle = new DemoBundle(directory);
        try {
            extractExamples(directory);
            try (InputStream cassette = resource(CASSETTE).openStream()) {
                Files.copy(cassette, directory.resolve(CASSETTE_FILE));
            }
            return bundle;
        } catch (IOException | RuntimeException e) {
            bundle.close();
            throw new WorkspaceException("Cannot unpack the demo's examples into " + directory + ": " + e.getMessage()
                    + ". Rebuild taskgraph (mvn -B package) if the jar is damaged.", e);
        }
    }

    /** The working directory the spec is imported from (it holds {@code specs/}, {@code data/}, the cassette). */
    Path directory() {
        return directory;
    }

    private static void extractExamples(Path target) throws IOException {
        URL marker = resource(EXAMPLES + "/pyproject.toml");
        if ("jar".equals(marker.getProtocol())) {
            URLConnection connection = marker.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.isDirectory() || !entry.getName().startsWith(EXAMPLES + "/")) {
                        continue;
                    }
                    Path file = safeResolve(target, entry.getName().substring(EXAMPLES.length() + 1));
                    Files.createDirectories(file.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, file);
                    }
                }
            }
            return;
        }
        Path root;
        try {
            root = Path.of(marker.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IOException("unexpected resource location " + marker, e);
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = safeResolve(target, root.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }

    /** {@code relative} under {@code target}; a name that would climb out of it is refused. */
    private static Path safeResolve(Path target, String relative) throws IOException {
        Path file = target.resolve(relative).normalize();
        if (!file.startsWith(target)) {
            throw new IOException("refusing to unpack " + relative + " outside " + target);
        }
        return file;
    }

    private static URL resource(String name) {
        URL url = DemoBundle.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new UncheckedIOException(new IOException(name + " is missing from the taskgraph jar"));
        }
        return url;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover temporary directory does not change the demo's result
        }
    }
}
