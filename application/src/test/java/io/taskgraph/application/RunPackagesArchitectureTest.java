package io.taskgraph.application;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The run machinery's layering: the application reaches the world only through domain ports, and inside it the
 * agent and scheduler know nothing of the use cases that drive them (so they can be reused and tested alone).
 */
class RunPackagesArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.taskgraph.application");

    @Test
    void applicationDependsOnlyOnTheDomainAndTheJdk() {
        noClasses().that().resideInAPackage("io.taskgraph.application..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.taskgraph.application..",
                        "io.taskgraph.domain..", "java..")
                .check(CLASSES);
    }

    @Test
    void theAgentAndTheSchedulerDoNotDependOnTheUseCases() {
        noClasses().that().resideInAnyPackage("io.taskgraph.application.agent..", "io.taskgraph.application.schedule..")
                .should().dependOnClassesThat().resideInAnyPackage("io.taskgraph.application.run..",
                        "io.taskgraph.application.rerun..")
                .check(CLASSES);
    }

    @Test
    void theRunUseCaseDoesNotDependOnTheRerunUseCase() {
        noClasses().that().resideInAPackage("io.taskgraph.application.run..")
                .should().dependOnClassesThat().resideInAPackage("io.taskgraph.application.rerun..")
                .check(CLASSES);
    }
}
