package io.taskgraph.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The domain is plain Java: its main classes may use only the JDK's {@code java.*} packages and each other
 * (the README's module table). Test classes are left out; they may use JUnit, ArchUnit and Mockito.
 *
 * <p>Run alone: {@code mvn -B -pl domain test -Dtest=DomainArchitectureTest -Dsurefire.failIfNoSpecifiedTests=false}.
 * The whole module table is checked by {@code ModuleBoundariesTest} in adapters-cli.
 */
class DomainArchitectureTest {
    private static final JavaClasses DOMAIN = ArchConfiguration.withThreadLocalScope(config -> {
        // Rules here look only at package names: do not load every library class a dependency points at.
        config.setResolveMissingDependenciesFromClassPath(false);
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.taskgraph.domain");
    });

    @Test
    void importSeesTheDomainMainClassesAndNoTests() {
        assertTrue(DOMAIN.contain("io.taskgraph.domain.graph.TaskGraph"));
        assertTrue(DOMAIN.contain("io.taskgraph.domain.port.SqlEngine"));
        assertTrue(DOMAIN.stream().noneMatch(c -> c.getSimpleName().endsWith("Test")),
                "test classes must not be analysed as domain code");
    }

    @Test
    void domainDependsOnlyOnTheJdk() {
        classes().that().resideInAPackage("io.taskgraph.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.taskgraph.domain..", "java..")
                .because("the domain holds the rules and ports and must stay plain Java")
                .check(DOMAIN);
    }
}
