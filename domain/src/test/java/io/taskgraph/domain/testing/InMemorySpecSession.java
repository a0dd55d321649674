package io.taskgraph.domain.testing;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** A session of an {@link InMemorySpec}: inputs materialise as NDJSON files with the declared column types. */
final class InMemorySpecSession implements SpecSession {
    private final InMemorySpec spec;
    private final Runnable onClose;
    private boolean closed;
    private boolean released;

    InMemorySpecSession(InMemorySpec spec, Runnable onClose) {
        this.spec = spec;
        this.onClose = onClose;
    }

    @Override
    public WorkspaceSpec spec() {
        return spec.spec();
    }

    @Override
    public List<String> warnings() {
        return spec.warnings();
    }

    @Override
    public TableSource materialize(String input, Path scratchDir, Consumer<String> warnings) {
        checkOpen();
        Optional<String> failure = spec.failure(input);
        if (failure.isPresent()) {
            throw new InvalidSpecException("Input '" + input + "' could not be loaded: " + failure.get());
        }
        Optional<TableSource> file = spec.file(input);
        if (file.isPresent()) {
            return file.get();
        }
        InMemorySpec.InputData data = spec.data(input).orElseThrow(() -> new InvalidSpecException(
                "Input '" + input + "' is not declared in spec module '" + spec.module() + "'."));
        Path written = scratchDir.resolve(input + ".ndjson");
        try (BufferedWriter out = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
            for (Map<String, Object> row : data.rows()) {
                Map<String, Object> line = new LinkedHashMap<>();
                row.forEach((k, v) -> line.put(k, v instanceof TemporalAccessor ? v.toString() : v));
                out.write(Json.write(line));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TableSource(written, SourceFormat.NDJSON, data.columns(), Optional.empty(),
                "in-memory rows of " + input);
    }

    @Override
    public List<ExportResult> runExports(SqlReader workspace, Path outputDir) {
        checkOpen();
        List<ExportResult> results = new ArrayList<>();
        for (Map.Entry<String, InMemorySpec.ExportFunction> e : spec.exports().entrySet()) {
            Path file = outputDir.resolve(e.getKey());
            try {
                e.getValue().write(workspace, file);
                results.add(new ExportResult(e.getKey(), file, Optional.empty()));
            } catch (Exception ex) {
                results.add(new ExportResult(e.getKey(), file, Optional.of(ex.getClass().getSimpleName() + ": "
                        + ex.getMessage())));
            }
        }
        return results;
    }

    private void checkOpen() {
        if (closed || released) {
            throw new IllegalStateException("spec session of '" + spec.module() + "' is "
                    + (closed ? "closed" : "released"));
        }
    }

    @Override
    public void release() {
        released = true;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
