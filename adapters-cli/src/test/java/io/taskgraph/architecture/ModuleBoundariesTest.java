package io.taskgraph.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's module table as ArchUnit rules over the main classes of every module; adapters-cli holds the one
 * composition root, so its test classpath holds them all. Modules are told apart by package:
 * {@code io.taskgraph.domain}, {@code io.taskgraph.application} and {@code io.taskgraph.adapters.<name>} with
 * name {@code duckdb}, {@code xlsx}, {@code openrouter}, {@code python} (specs-python), {@code web} and {@code cli}.
 *
 * <p>Run alone:
 * {@code mvn -B -pl adapters-cli -am test -Dtest=ModuleBoundariesTest -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>No rule can pass by seeing nothing: the first test proves the import holds every module, and the construction
 * rule proves the root does construct each adapter it should.
 */
class ModuleBoundariesTest {
    private static final String DOMAIN = "io.taskgraph.domain..";
    private static final String APPLICATION = "io.taskgraph.application..";
    private static final String ADAPTERS = "io.taskgraph.adapters.";
    /** The composition root: this package, not its sub-packages (commands, progress). */
    private static final String ROOT = "io.taskgraph.adapters.cli";
    private static final List<String> ADAPTER_NAMES = List.of("duckdb", "xlsx", "openrouter", "python", "web", "cli");

    /** Test jars (domain's fixtures) are on this classpath too; their classes are tests, not module code. */
    private static final ImportOption NO_TEST_JARS = location -> !location.matches(Pattern.compile(".*-tests\\.jar!/.*"));

    private static final JavaClasses CLASSES = ArchConfiguration.withThreadLocalScope(config -> {
        // Rules here look only at our own classes: do not load every library class a dependency points at.
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
    void importSeesMainClassesOfEveryModuleAndNoTests() {
        for (String name : List.of("io.taskgraph.domain.graph.TaskGraph", "io.taskgraph.application.run.RunWorkspace",
                "io.taskgraph.adapters.duckdb.DuckDbEngine", "io.taskgraph.adapters.xlsx.XlsxWorkbookReader",
                "io.taskgraph.adapters.openrouter.OpenRouterClient",
                "io.taskgraph.adapters.python.PythonSpecLoader", "io.taskgraph.adapters.web.WebServer",
                "io.taskgraph.adapters.cli.Main")) {
            assertTrue(CLASSES.contain(name), name + " is imported");
        }
        assertTrue(CLASSES.stream().noneMatch(c -> c.getSimpleName().endsWith("Test")),
                "test classes must not be analysed as module code");
    }

    @Test
    void domainDependsOnlyOnTheJdk() {
        classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
                .because("the domain is plain Java: rules, model and ports")
                .check(CLASSES);
    }

    @Test
    void applicationDependsOnlyOnTheDomainAndTheJdk() {
        classes().that().resideInAPackage(APPLICATION)
                .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..")
                .because("use cases reach the outside world only through the domain's ports")
                .check(CLASSES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "xlsx", "openrouter", "python", "web"})
    void anAdapterDependsOnNoOtherAdapter(String name) {
        noClasses().that().resideInAPackage(adapter(name))
                .should().dependOnClassesThat().resideInAnyPackage(adaptersExcept(name))
                .because("an adapter translates at its edge and gets what it works with from the composition root; "
                        + "only the CLI's root package wires modules together")
                .check(CLASSES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "xlsx", "openrouter", "python"})
    void aDrivenAdapterUsesNoUseCase(String name) {
        noClasses().that().resideInAPackage(adapter(name))
                .should().dependOnClassesThat().resideInAPackage(APPLICATION)
                .because("a driven adapter implements a domain port; only a driving adapter (the web app, the CLI) "
                        + "calls use cases")
                .check(CLASSES);
    }

    /**
     * An adapter object is one that does I/O for the application: it implements a domain port or holds a resource
     * (is {@link AutoCloseable}). Constructing one (a constructor or a static factory) from outside its own module
     * is the composition root's job alone; values such as a configuration record may be built anywhere.
     */
    @Test
    void onlyTheCompositionRootConstructsAdapters() {
        Set<String> constructedByTheRoot = new TreeSet<>();
        List<String> elsewhere = new ArrayList<>();
        for (JavaClass caller : CLASSES) {
            for (JavaCall<?> call : constructions(caller)) {
                JavaClass target = call.getTargetOwner();
                if (!isAdapterObject(target) || module(target).equals(module(caller))) {
                    continue;
                }
                if (caller.getPackageName().equals(ROOT)) {
                    constructedByTheRoot.add(target.getSimpleName());
                } else {
                    elsewhere.add(call.getDescription());
                }
            }
        }
        assertEquals(List.of(), elsewhere, "adapters constructed outside the composition root " + ROOT);
        assertTrue(constructedByTheRoot.containsAll(Set.of("DuckDbEngine", "PythonSpecLoader", "OpenRouterClient",
                "ReplayLlmClient", "RecordingLlmClient", "XlsxWorkbookReader", "WebServer")), constructedByTheRoot.toString());
    }

    private static List<JavaCall<?>> constructions(JavaClass caller) {
        List<JavaCall<?>> calls = new ArrayList<>(caller.getConstructorCallsFromSelf());
        caller.getMethodCallsFromSelf().stream()
                .filter(call -> call.getTarget().resolveMember().map(JavaMethod::getModifiers)
                        .map(modifiers -> modifiers.contains(JavaModifier.STATIC)).orElse(false))
                .forEach(calls::add);
        return calls;
    }

    private static boolean isAdapterObject(JavaClass type) {
        return module(type).filter(name -> !name.equals("cli")).isPresent()
                && (type.isAssignableTo(AutoCloseable.class) || type.getAllRawInterfaces().stream()
                        .anyMatch(i -> i.getPackageName().startsWith("io.taskgraph.domain.port")));
    }

    /** The adapter module a class belongs to, by package; empty for the domain, the application and libraries. */
    private static Optional<String> module(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ADAPTERS)) {
            return Optional.empty();
        }
        String rest = name.substring(ADAPTERS.length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
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
