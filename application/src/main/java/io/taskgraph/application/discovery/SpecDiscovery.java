package io.taskgraph.application.discovery;

import io.taskgraph.application.discovery.DiscoveredSpec.Source;
import io.taskgraph.domain.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides which spec module a command loads when the user did not name one: {@code [tool.taskgraph].spec}
 * in {@code ./pyproject.toml}, else {@code specs.main} when {@code specs/main.py} exists. Shared by the
 * CLI and the web app so both pick the same module in the same directory.
 */
public final class SpecDiscovery {
    public static final String CONVENTIONAL_MODULE = "specs.main";
    private static final Pattern DOTTED_NAME =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private SpecDiscovery() {
    }

    /** The explicit module when given, else the discovered one; throws a {@link UsageException} naming both options. */
    public static DiscoveredSpec resolve(Optional<String> explicit, Path workingDirectory) {
        if (explicit.isPresent() && !explicit.get().isBlank()) {
            String module = explicit.get().strip();
            requireDottedName(module, "--spec");
            return new DiscoveredSpec(module, Source.EXPLICIT);
        }
        return discover(workingDirectory).orElseThrow(() -> new UsageException(
                "No spec module to load in " + workingDirectory.toAbsolutePath().normalize() + ". Either pass one, "
                        + "e.g. --spec my_app.specs.main, or set it once in pyproject.toml:\n"
                        + "    [tool.taskgraph]\n"
                        + "    spec = \"my_app.specs.main\"\n"
                        + "(or run taskgraph init to create specs/main.py, which is found without either)."));
    }

    /** The module the working directory points at, if it points at one. */
    public static Optional<DiscoveredSpec> discover(Path workingDirectory) {
        Path pyproject = workingDirectory.resolve("pyproject.toml");
        if (Files.isRegularFile(pyproject)) {
            Optional<String> configured = PyprojectSpecSetting.read(read(pyproject), "pyproject.toml");
            if (configured.isPresent()) {
                requireDottedName(configured.get(), "[tool.taskgraph].spec in pyproject.toml");
                return Optional.of(new DiscoveredSpec(configured.get(), Source.PYPROJECT));
            }
        }
        if (Files.isRegularFile(workingDirectory.resolve("specs").resolve("main.py"))) {
            return Optional.of(new DiscoveredSpec(CONVENTIONAL_MODULE, Source.CONVENTION));
        }
        return Optional.empty();
    }

    private static void requireDottedName(String module, String where) {
        if (!DOTTED_NAME.matcher(module).matches()) {
            String hint = module.endsWith(".py") || module.contains("/")
                    ? " Use the import path, not a file path: e.g. my_app/specs/main.py is my_app.specs.main." : "";
            throw new UsageException("Spec module '" + module + "' (" + where + ") is not a dotted Python module "
                    + "name like my_app.specs.main." + hint);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
