package io.taskgraph.adapters.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The web module is a composition root: only its root package wires adapters together. Its run, spec and
 * HTTP packages reach the pipeline through the application and the domain ports, and nothing in it touches
 * the CLI.
 */
class WebArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.taskgraph.adapters.web");

    @Test
    void theWebAppNeverDependsOnTheCli() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.taskgraph.adapters.cli..").check(CLASSES);
    }

    @Test
    void onlyTheCompositionRootKnowsTheOtherAdapters() {
        noClasses().that().resideInAnyPackage("io.taskgraph.adapters.web.run..", "io.taskgraph.adapters.web.spec..",
                        "io.taskgraph.adapters.web.http..", "io.taskgraph.adapters.web.error..")
                .should().dependOnClassesThat().resideInAnyPackage("io.taskgraph.adapters.duckdb..",
                        "io.taskgraph.adapters.openrouter..", "io.taskgraph.adapters.python..", "org.duckdb..")
                .check(CLASSES);
    }

    @Test
    void runsAndSpecsKnowNothingOfHttp() {
        noClasses().that().resideInAnyPackage("io.taskgraph.adapters.web.run..", "io.taskgraph.adapters.web.spec..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "io.taskgraph.adapters.web.http..")
                .check(CLASSES);
    }
}
