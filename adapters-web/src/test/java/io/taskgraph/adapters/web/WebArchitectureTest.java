package io.taskgraph.adapters.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Inside the web module: runs and specs know nothing of HTTP. (That the module depends on the application and the
 * domain only, like every adapter, is ModuleBoundariesTest's rule in adapters-cli, where every module is on the
 * classpath; here the other adapters are not even there to depend on.)
 */
class WebArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.taskgraph.adapters.web");

    @Test
    void theImportSeesTheModule() {
        assertTrue(CLASSES.contain(WebServer.class.getName()) && CLASSES.contain("io.taskgraph.adapters.web.run.RunService"));
    }

    @Test
    void runsAndSpecsKnowNothingOfHttp() {
        noClasses().that().resideInAnyPackage("io.taskgraph.adapters.web.run..", "io.taskgraph.adapters.web.spec..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "io.taskgraph.adapters.web.http..")
                .check(CLASSES);
    }
}
