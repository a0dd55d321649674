package io.taskgraph.application.show;

import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** A loader that hands out one prepared spec and remembers whether its session was closed. */
final class StaticSpecLoader implements SpecLoader {
    private final WorkspaceSpec spec;
    private final List<String> warnings;
    SpecRequest lastRequest;
    boolean closed;

    StaticSpecLoader(WorkspaceSpec spec, List<String> warnings) {
        this.spec = spec;
        this.warnings = warnings;
    }

    @Override
    public SpecSession open(SpecRequest request) {
        lastRequest = request;
        return new SpecSession() {
            @Override
            public WorkspaceSpec spec() {
                return spec;
            }

            @Override
            public List<String> warnings() {
                return warnings;
            }

            @Override
            public TableSource materialize(String input, Path scratchDir, Consumer<String> warnings) {
                throw new AssertionError("show must not ingest data");
            }

            @Override
            public List<ExportResult> runExports(SqlReader workspace, Path outputDir) {
                throw new AssertionError("show must not run exports");
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }
}
