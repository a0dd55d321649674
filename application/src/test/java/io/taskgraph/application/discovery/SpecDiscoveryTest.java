package io.taskgraph.application.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.discovery.DiscoveredSpec.Source;
import io.taskgraph.domain.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecDiscoveryTest {
    @TempDir
    Path dir;

    @Test
    void explicitModuleWinsOverEverythingElse() throws IOException {
        pyproject("[tool.taskgraph]\nspec = \"configured.spec\"\n");
        conventionalSpec();

        DiscoveredSpec spec = SpecDiscovery.resolve(Optional.of("my_app.specs.jan"), dir);

        assertEquals(new DiscoveredSpec("my_app.specs.jan", Source.EXPLICIT), spec);
    }

    @Test
    void pyprojectSettingWinsOverTheConvention() throws IOException {
        pyproject("""
                [project]
                name = "demo"  # spec = "not.this"

                [tool.taskgraph]
                # the module our jobs run
                spec = "my_app.specs.main"   # trailing comment
                """);
        conventionalSpec();

        assertEquals(new DiscoveredSpec("my_app.specs.main", Source.PYPROJECT), SpecDiscovery.resolve(Optional.empty(), dir));
    }

    @Test
    void literalStringsQuotedKeysAndDottedKeysAreUnderstood() throws IOException {
        pyproject("[ tool . \"taskgraph\" ]\n'spec' = 'a.b'\n");
        assertEquals("a.b", SpecDiscovery.resolve(Optional.empty(), dir).module());

        pyproject("[tool]\ntaskgraph.spec = \"c.d\"\n");
        assertEquals("c.d", SpecDiscovery.resolve(Optional.empty(), dir).module());
    }

    @Test
    void specKeysInOtherTablesAreIgnored() throws IOException {
        pyproject("""
                [tool.other]
                spec = "wrong.one"
                [tool.taskgraph.extra]
                spec = "wrong.two"
                [[tool.taskgraph.array]]
                spec = "wrong.three"
                """);
        conventionalSpec();

        assertEquals(new DiscoveredSpec("specs.main", Source.CONVENTION), SpecDiscovery.resolve(Optional.empty(), dir));
    }

    @Test
    void conventionAppliesWithoutAnyPyproject() throws IOException {
        conventionalSpec();

        assertEquals(new DiscoveredSpec("specs.main", Source.CONVENTION), SpecDiscovery.resolve(Optional.empty(), dir));
    }

    @Test
    void nothingToFindNamesBothWaysToSayWhichSpec() throws IOException {
        pyproject("[project]\nname = \"demo\"\n");

        UsageException e = assertThrows(UsageException.class, () -> SpecDiscovery.resolve(Optional.empty(), dir));

        assertTrue(e.getMessage().startsWith("No spec module to load in " + dir.toAbsolutePath().normalize()),
                e.getMessage());
        assertTrue(e.getMessage().contains("--spec my_app.specs.main"), e.getMessage());
        assertTrue(e.getMessage().contains("[tool.taskgraph]\n    spec = \"my_app.specs.main\""), e.getMessage());
        assertTrue(e.getMessage().contains("taskgraph init"), e.getMessage());
        assertTrue(SpecDiscovery.discover(dir).isEmpty());
    }

    @Test
    void unquotedSettingIsReportedWithItsLine() throws IOException {
        pyproject("[tool.taskgraph]\n\nspec = my_app.specs.main\n");

        UsageException e = assertThrows(UsageException.class, () -> SpecDiscovery.resolve(Optional.empty(), dir));

        assertEquals("pyproject.toml line 3: [tool.taskgraph] spec must be a quoted module name on one line, "
                + "e.g. spec = \"my_app.specs.main\".", e.getMessage());
    }

    @Test
    void unterminatedStringIsReported() throws IOException {
        pyproject("[tool.taskgraph]\nspec = \"my_app.specs.main\n");

        UsageException e = assertThrows(UsageException.class, () -> SpecDiscovery.resolve(Optional.empty(), dir));

        assertTrue(e.getMessage().startsWith("pyproject.toml line 2:"), e.getMessage());
    }

    @Test
    void filePathInsteadOfModuleGetsAHint() throws IOException {
        pyproject("[tool.taskgraph]\nspec = \"my_app/specs/main.py\"\n");

        UsageException e = assertThrows(UsageException.class, () -> SpecDiscovery.resolve(Optional.empty(), dir));

        assertEquals("Spec module 'my_app/specs/main.py' ([tool.taskgraph].spec in pyproject.toml) is not a dotted "
                + "Python module name like my_app.specs.main. Use the import path, not a file path: e.g. "
                + "my_app/specs/main.py is my_app.specs.main.", e.getMessage());
    }

    @Test
    void explicitFilePathIsRefusedTheSameWay() {
        UsageException e = assertThrows(UsageException.class,
                () -> SpecDiscovery.resolve(Optional.of("specs/main.py"), dir));

        assertTrue(e.getMessage().startsWith("Spec module 'specs/main.py' (--spec) is not a dotted"), e.getMessage());
    }

    private void pyproject(String text) throws IOException {
        Files.writeString(dir.resolve("pyproject.toml"), text);
    }

    private void conventionalSpec() throws IOException {
        Files.createDirectories(dir.resolve("specs"));
        Files.writeString(dir.resolve("specs/main.py"), "INPUTS = {}\nTASKS = []\n");
    }
}
