package io.taskgraph.application.run;

import io.taskgraph.domain.meta.InputFile;
import io.taskgraph.domain.InputValidationException;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.port.WorkbookReader;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.WorkspaceSpec;
import io.taskgraph.domain.validation.InputValidator;
import io.taskgraph.domain.validation.ValidationReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Loads every declared input into the workspace, then checks the inputs before any task may start. */
public final class Ingestion {
    private Ingestion() {
    }

    /** The row count of each input ingested, and the files among them that were read from where the spec points. */
    public record Ingested(Map<String, Long> rowCounts, List<InputFile> files) {
        public Ingested {
            rowCounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
            files = List.copyOf(files);
        }
    }

    /**
     * Materialises each input through the spec session into a scratch directory and ingests it, in declaration
     * order (fewer than all when {@code cancelled} turns true). A source the engine does not read itself (a
     * workbook) is first made a table file by {@code workbooks}. An input whose rows came from a file of the
     * user's (not one written to the scratch directory) has that file recorded.
     */
    public static Ingested ingestAll(SpecSession session, WorkbookReader workbooks, Workspace workspace,
                                     RunListener listener, BooleanSupplier cancelled) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<InputFile> files = new ArrayList<>();
        try (ScratchDirectory scratchDirectory = ScratchDirectory.create("taskgraph-ingest-", "ingesting inputs")) {
            Path scratch = scratchDirectory.path();
            for (InputSpec input : session.spec().inputs()) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                long start = System.nanoTime();
                TableSource materialized = session.materialize(input.name(), scratch,
                        warning -> listener.on(new RunEvent.Warning(warning)));
                TableSource source = switch (materialized.format().readBy()) {
                    case ENGINE -> materialized;
                    case WORKBOOK_READER -> workbooks.sheetAsTable(input.name(), materialized, scratch);
                };
                long rows = workspace.ingest(input.name(), source);
                counts.put(input.name(), rows);
                Path read = materialized.file().toAbsolutePath().normalize();
                if (!read.startsWith(scratch.toAbsolutePath().normalize())) {
                    files.add(InputFile.of(input.name(), materialized.file()));
                }
                listener.on(new RunEvent.InputIngested(input.name(), rows, Duration.ofNanos(System.nanoTime() - start)));
                if (rows == 0) {
                    listener.on(new RunEvent.Warning("Input '" + input.name() + "' (" + source.origin()
                            + ") has no rows; tasks reading it will see an empty table."));
                }
            }
        }
        return new Ingested(counts, files);
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
}
