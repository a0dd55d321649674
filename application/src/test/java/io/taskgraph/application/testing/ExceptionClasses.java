package io.taskgraph.application.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.taskgraph.domain.TaskgraphException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every concrete {@link TaskgraphException} class in the main code of the modules on the classpath, so an adapter's
 * test of its error mapping can prove it has a row for each one, including the ones added after it was written.
 */
public final class ExceptionClasses {
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

    private ExceptionClasses() {
    }

    /** Their fully qualified names, sorted. */
    public static Set<String> taskgraphExceptions() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.matches(TEST_JAR))
                .importPackages("io.taskgraph").stream()
                .filter(type -> type.isAssignableTo(TaskgraphException.class)
                        && !type.getModifiers().contains(JavaModifier.ABSTRACT))
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
