package io.taskgraph.adapters.web.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.web.error.Problem;
import io.taskgraph.adapters.web.error.WebException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecCatalogTest {
    @TempDir
    Path dir;

    private SpecCatalog catalog(Optional<String> projectSpec) {
        return new SpecCatalog(BuiltinSpecs.fromClasspath(), new WorkspaceSpecs(dir), () -> projectSpec);
    }

    private void write(String path) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "TASKS = []\n");
    }

    @Test
    void listsSpecModulesUnderSpecsWithDottedIdsThenTheBuiltIns() throws Exception {
        write("specs/main.py");
        write("specs/monthly/feb.py");
        write("specs/__init__.py");
        write("specs/_helpers.py");
        write("specs/__pycache__/main.cpython-312.py");
        write("specs/not-a-module.py");
        write("specs/notes.txt");

        List<SpecEntry> specs = catalog(Optional.empty()).list();

        assertEquals(List.of("specs.main", "specs.monthly.feb", 
                "examples.specs.minimal", "examples.specs.diamond", "examples.specs.reconcile",
                "examples.specs.orders_jan", "examples.specs.orders_feb"),
                specs.stream().map(SpecEntry::id).toList());
        assertEquals("specs/monthly/feb.py", specs.get(1).path());
        assertEquals(SpecEntry.Source.WORKSPACE, specs.get(0).source());
        assertEquals(SpecEntry.Source.BUILTIN, specs.get(2).source());
        assertEquals("examples/specs/minimal.py", specs.get(2).path());
    }

    @Test
    void theProjectsConfiguredSpecComesFirstWhenItsFileExists() throws Exception {
        write("my_app/specs/jan.py");
        write("specs/main.py");

        List<String> ids = catalog(Optional.of("my_app.specs.jan")).list().stream().map(SpecEntry::id).toList();
        assertEquals(List.of("my_app.specs.jan", "specs.main",
                "examples.specs.minimal", "examples.specs.diamond", "examples.specs.reconcile",
                "examples.specs.orders_jan", "examples.specs.orders_feb"), ids);

        List<String> missing = catalog(Optional.of("my_app.specs.gone")).list().stream().map(SpecEntry::id).toList();
        assertEquals(List.of("specs.main",
                "examples.specs.minimal", "examples.specs.diamond", "examples.specs.reconcile",
                "examples.specs.orders_jan", "examples.specs.orders_feb"), missing);
    }

    @Test
    void anUnknownOrMissingSpecIdIsBadInputThatSaysWhereToLook() {
        SpecCatalog catalog = catalog(Optional.empty());

        WebException unknown = assertThrows(WebException.class, () -> catalog.find("os"));
        assertEquals(Problem.BAD_INPUT, unknown.problem());
        assertTrue(unknown.getMessage().startsWith("Unknown spec 'os'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("GET /api/specs"), unknown.getMessage());

        WebException blank = assertThrows(WebException.class, () -> catalog.find(" "));
        assertEquals("Form field 'spec_id' is missing: pick a spec from GET /api/specs.", blank.getMessage());
    }

    @Test
    void aWorkspaceSpecRunsFromTheWorkingDirectory() throws Exception {
        write("specs/main.py");
        SpecCatalog catalog = catalog(Optional.empty());

        SpecLocation location = catalog.locate(catalog.find("specs.main"), dir.resolve("run/spec"));

        assertEquals(new SpecLocation("specs.main", dir.toAbsolutePath().normalize()), location);
    }

    @Test
    void aBuiltInSpecIsCopiedWithItsFilesIntoTheRunFolder() throws Exception {
        SpecCatalog catalog = catalog(Optional.empty());
        Path runSpec = dir.resolve("run/spec");

        SpecLocation location = catalog.locate(catalog.find("examples.specs.diamond"), runSpec);

        assertEquals(new SpecLocation("examples.specs.diamond", runSpec), location);
        assertTrue(Files.readString(runSpec.resolve("examples/specs/diamond.py")).contains("INPUTS"));
        assertTrue(Files.readString(runSpec.resolve("examples/data/transactions.csv")).startsWith("txn_id,"));
    }

    @Test
    void aCatalogOfOneSpecOffersOnlyThatOne() throws Exception {
        write("specs/diamond.py");
        write("specs/minimal.py");
        SpecCatalog catalog = SpecCatalog.only(new WorkspaceSpecs(dir), "specs.diamond");

        assertEquals(List.of(new SpecEntry("specs.diamond", "specs/diamond.py", SpecEntry.Source.WORKSPACE)),
                catalog.list());
        assertEquals(Problem.BAD_INPUT, assertThrows(WebException.class, () -> catalog.find("specs.minimal")).problem());
        assertEquals(Problem.BAD_INPUT,
                assertThrows(WebException.class, () -> catalog.find("examples.specs.diamond")).problem());
    }

    @Test
    void everyIndexedBuiltInFileIsOnTheClasspath() {
        BuiltinSpecs builtins = BuiltinSpecs.fromClasspath();
        for (String file : builtins.files()) {
            assertTrue(getClass().getClassLoader().getResource(BuiltinSpecs.ROOT + file) != null,
                    "indexed but missing: " + file);
        }
    }
}
