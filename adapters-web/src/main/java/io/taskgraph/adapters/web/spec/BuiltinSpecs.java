package io.taskgraph.adapters.web.spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The example specs shipped on the classpath. Every {@value #INDEX} resource (any jar or directory may add
 * one) lists files under {@value #ROOT}, one per line: {@code spec <path>.py} for a spec module, {@code file
 * <path>} for a file a spec reads beside it. A run of a built-in spec gets a copy of all of them in its own
 * folder, which then is the spec's working directory.
 */
public final class BuiltinSpecs {
    static final String ROOT = "taskgraph-builtin/";
    static final String INDEX = ROOT + "index.txt";

    private final ClassLoader loader;
    private final Map<String, SpecEntry> specs = new LinkedHashMap<>();
    private final Set<String> files = new LinkedHashSet<>();

    public BuiltinSpecs(ClassLoader loader) {
        this.loader = loader;
        try {
            Enumeration<URL> indexes = loader.getResources(INDEX);
            while (indexes.hasMoreElements()) {
                read(indexes.nextElement());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the built-in spec index " + INDEX + ": " + e.getMessage(), e);
        }
    }

    /** No built-in specs at all. */
    public static BuiltinSpecs none() {
        return new BuiltinSpecs(new ClassLoader(null) {
        });
    }

    public static BuiltinSpecs fromClasspath() {
        return new BuiltinSpecs(BuiltinSpecs.class.getClassLoader());
    }

    private void read(URL index) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] kindAndPath = text.split("\\s+", 2);
                String path = kindAndPath.length == 2 ? kindAndPath[1] : "";
                if (!isSafeRelative(path) || !(kindAndPath[0].equals("spec") || kindAndPath[0].equals("file"))) {
                    throw new IllegalStateException(index + " line " + number + ": expected 'spec <path>.py' or "
                            + "'file <path>' with a relative path inside " + ROOT + ", got '" + text + "'.");
                }
                files.add(path);
                if (kindAndPath[0].equals("spec")) {
                    String where = index + " line " + number;
                    String id = ModuleNames.fromRelativePath(path).orElseThrow(() -> new IllegalStateException(
                            where + ": '" + path + "' is not a Python module path."));
                    specs.putIfAbsent(id, new SpecEntry(id, path, SpecEntry.Source.BUILTIN));
                }
            }
        }
    }

    private static boolean isSafeRelative(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
            return false;
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    public List<SpecEntry> list() {
        return new ArrayList<>(specs.values());
    }

    /** Every indexed file (specs included), relative to {@value #ROOT}. */
    public List<String> files() {
        return new ArrayList<>(files);
    }

    /** Copies every indexed file into {@code target}, keeping relative paths; returns the spec's location. */
    public SpecLocation extract(SpecEntry spec, Path target) {
        try {
            for (String file : files) {
                Path destination = target.resolve(file).normalize();
                Files.createDirectories(destination.getParent());
                try (InputStream in = loader.getResourceAsStream(ROOT + file)) {
                    if (in == null) {
                        throw new IllegalStateException("Built-in file " + ROOT + file + " is listed in " + INDEX
                                + " but missing from the classpath; rebuild the jar.");
                    }
                    Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the built-in spec " + spec.id() + " to " + target + ": "
                    + e.getMessage(), e);
        }
        return new SpecLocation(spec.id(), target);
    }
}
