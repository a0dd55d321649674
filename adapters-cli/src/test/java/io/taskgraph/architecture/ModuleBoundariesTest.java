package io.taskgraph.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DESIGN.md's module table as ArchUnit rules over the main classes of every module; adapters-cli is the
 * composition root, so its test classpath holds them all. Modules are told apart by package:
 * {@code io.taskgraph.domain}, {@code io.taskgraph.application} and {@code io.taskgraph.adapters.<name>} with
 * name {@code duckdb}, {@code openrouter}, {@code python} (specs-python), {@code web} and {@code cli}.
 *
 * <p>Run alone:
 * {@code mvn -B -pl adapters-cli -am test -Dtest=ModuleBoundariesTest -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>Modules still without classes pass their rules ({@code allowEmptyShould}); the first test proves the
 * import is not empty, so the rules cannot pass by seeing nothing.
 */
class ModuleBoundariesTest {
    private static final String DOMAIN = "io.taskgraph.domain..";
    private static final String APPLICATION = "io.taskgraph.application..";
    private static final String ADAPTERS = "io.taskgraph.adapters.";
    private static final List<String> ADAPTER_NAMES = List.of("duckdb", "openrouter", "python", "web", "cli");

    /** Test jars (domain's fixtures) are on this classpath too; their classes are tests, not module code. */
    private static final ImportOption NO_TEST_JARS = location -> !location.matches(Pattern.compile(".*-tests\\.jar!/.*"));

    private static final JavaClasses CLASSES = ArchConfiguration.withThreadLocalScope(config -> {
        // Rules here look only at package names: do not load every library class a dependency points at.
        config.setResolveMissingDependenciesFromClassPath(false);
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(NO_TEST_JARS)
                .importPackages("io.taskgraph");
    });

    private static String adapter(String name) {
        return ADAPTERS + name + "..";
    }

    private static String[] adaptersExcept(String... allowed) {
        List<String> keep = List.of(allowed);
        return ADAPTER_NAMES.stream().filter(n -> !keep.contains(n)).map(ModuleBoundariesTest::adapter)
                .toArray(String[]::new);
    }

    @Test
    void importSeesMainClassesOfTheModulesAndNoTests() {
        assertTrue(CLASSES.contain("io.taskgraph.domain.graph.TaskGraph"), "domain classes are imported");
        assertTrue(CLASSES.contain("io.taskgraph.adapters.cli.Main"), "cli classes are imported");
        assertTrue(CLASSES.stream().noneMatch(c -> c.getSimpleName().endsWith("Test")),
                "test classes must not be analysed as module code");
    }

    @Test
    void domainDependsOnlyOnTheJdk() {
        classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
                .because("the domain is plain Java: rules, model and ports (DESIGN.md)")
                .check(CLASSES);
    }

    @Test
    void applicationDependsOnlyOnTheDomainAndTheJdk() {
        classes().that().resideInAPackage(APPLICATION)
                .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..")
                .because("use cases reach the outside world only through the domain's ports (DESIGN.md)")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "openrouter", "python"})
    void plainAdapterUsesNeitherUseCasesNorOtherAdapters(String name) {
        String[] forbidden = Stream.concat(Stream.of(APPLICATION), Stream.of(adaptersExcept(name)))
                .toArray(String[]::new);
        noClasses().that().resideInAPackage(adapter(name))
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("an adapter translates one port at the edge and depends on the domain only; only "
                        + "composition roots wire modules together (DESIGN.md)")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void webUsesEveryModuleButTheCli() {
        noClasses().that().resideInAPackage(adapter("web"))
                .should().dependOnClassesThat().resideInAPackage(adapter("cli"))
                .because("the web app is a composition root of its own; the CLI may start it, not the reverse")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void everyClassBelongsToAModuleOfTheTable() {
        Stream<String> modules = Stream.concat(Stream.of(DOMAIN, APPLICATION), ADAPTER_NAMES.stream()
                .map(ModuleBoundariesTest::adapter));
        classes().that().resideInAPackage("io.taskgraph..")
                .should().resideInAnyPackage(modules.toArray(String[]::new))
                .because("a class outside the known packages would escape every boundary rule above")
                .check(CLASSES);
    }
}
