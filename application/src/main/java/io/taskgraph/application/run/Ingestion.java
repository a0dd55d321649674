package io.taskgraph.application.run;

import io.taskgraph.domain.InputValidationException;
import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.WorkspaceSpec;
import io.taskgraph.domain.validation.InputValidator;
import io.taskgraph.domain.validation.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Loads every declared input into the workspace, then checks the inputs before any task may start. */
public final class Ingestion {
    private Ingestion() {
    }

    /**
     * Materialises each input through the spec session into a scratch directory and ingests it, in declaration
     * order; returns the row count of each input ingested (fewer than all when {@code cancelled} turns true).
     */
    public static Map<String, Long> ingestAll(SpecSession session, Workspace workspace, RunListener listener,
                                              BooleanSupplier cancelled) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Path scratch = scratchDirectory();
        try {
            for (InputSpec input : session.spec().inputs()) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                long start = System.nanoTime();
                TableSource source = session.materialize(input.name(), scratch,
                        warning -> listener.on(new RunEvent.Warning(warning)));
                long rows = workspace.ingest(input.name(), source);
                counts.put(input.name(), rows);
                listener.on(new RunEvent.InputIngested(input.name(), rows, Duration.ofNanos(System.nanoTime() - start)));
                if (rows == 0) {
                    listener.on(new RunEvent.Warning("Input '" + input.name() + "' (" + source.origin()
                            + ") has no rows; tasks reading it will see an empty table."));
                }
            }
        } finally {
            deleteQuietly(scratch);
        }
        return counts;
    }

    /** Required columns, then validate_sql, for every input; all failures together, before any agent starts. */
    public static void validateInputs(WorkspaceSpec spec, SqlReader reader) {
        List<String> failures = new ArrayList<>();
        for (InputSpec input : spec.inputs()) {
            ValidationReport report = InputValidator.validate(input, reader);
            failures.addAll(report.failures());
        }
        if (!failures.isEmpty()) {
            throw new InputValidationException(failures);
        }
    }

    private static Path scratchDirectory() {
        try {
            return Files.createTempDirectory("taskgraph-ingest-");
        } catch (IOException e) {
            throw new WorkspaceException("Cannot create a temporary directory for ingesting inputs: " + e.getMessage()
                    + "; check that the temp directory (java.io.tmpdir) is writable.", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // leftovers in the temp directory are harmless; the run's result does not depend on them
        }
    }
}
