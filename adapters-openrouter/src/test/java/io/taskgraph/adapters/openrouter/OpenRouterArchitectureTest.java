package io.taskgraph.adapters.openrouter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The adapter translates at the edge: it knows the domain's ports, never the application or another adapter. */
class OpenRouterArchitectureTest {
    private static final JavaClasses ADAPTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.taskgraph.adapters.openrouter");

    @Test
    void dependsOnNoOtherAdapterAndNotOnTheApplication() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.taskgraph.application..", "io.taskgraph.adapters.duckdb..", "io.taskgraph.adapters.cli..",
                        "io.taskgraph.adapters.web..", "io.taskgraph.specs..")
                .check(ADAPTER);
    }
}
