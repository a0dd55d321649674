package io.taskgraph.adapters.python;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The loader is an adapter of the domain only: JDK and domain, no other adapter, no library. */
class SpecsPythonArchitectureTest {
    @Test
    void theLoaderDependsOnlyOnTheJdkAndTheDomain() {
        classes().that().resideInAPackage("io.taskgraph.adapters.python..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.taskgraph.domain..",
                        "io.taskgraph.adapters.python..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.taskgraph.adapters.python"));
    }
}
