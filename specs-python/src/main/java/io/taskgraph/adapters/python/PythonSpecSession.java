package io.taskgraph.adapters.python;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A loaded Python spec module with its bridge process. The bridge serves one request at a time, so
 * the session's operations are serialized; rows never pass through this process (the bridge writes
 * them to files the engine reads).
 */
final class PythonSpecSession implements SpecSession {
    private final WorkspaceSpec spec;
    private final BridgeProcess bridge;
    private final List<String> loadWarnings;
    private volatile boolean released;

    PythonSpecSession(WorkspaceSpec spec, BridgeProcess bridge, List<String> loadWarnings) {
        this.spec = spec;
        this.bridge = bridge;
        this.loadWarnings = List.copyOf(loadWarnings);
    }

    @Override
    public WorkspaceSpec spec() {
        return spec;
    }

    @Override
    public List<String> warnings() {
        return loadWarnings;
    }

    @Override
    public synchronized TableSource materialize(String input, Path scratchDir, Consumer<String> warnings) {
        requireNotReleased("materialize input '" + input + "'");
        if (spec.input(input).isEmpty()) {
            throw new InvalidSpecException("Spec module " + spec.origin().module() + " declares no input '" + input
                    + "'; its inputs are " + spec.inputs().stream().map(i -> i.name()).toList() + ".");
        }
        String doing = "materializing input '" + input + "'";
        Map<String, Object> reply = Replies.expect(bridge.request(Map.of(
                "op", "materialize", "input", input,
                "dir", scratchDir.toAbsolutePath().toString()), doing), "source", doing);
        SpecDescription.strings(reply.get("warnings")).forEach(warnings);
        List<Column> columns = new ArrayList<>();
        if (reply.get("columns") instanceof List<?> list) {
            for (Object pair : list) {
                List<?> p = (List<?>) pair;
                columns.add(new Column(String.valueOf(p.get(0)), String.valueOf(p.get(1))));
            }
        }
        Object sheet = reply.get("sheet");
        return new TableSource(Path.of(String.valueOf(reply.get("file"))),
                SourceFormat.valueOf(String.valueOf(reply.get("format"))), columns,
                Optional.ofNullable(sheet).map(String::valueOf), String.valueOf(reply.get("origin")));
    }

    @Override
    public synchronized List<ExportResult> runExports(SqlReader workspace, Path outputDir) {
        requireNotReleased("run EXPORTS");
        if (spec.exports().isEmpty()) {
            return List.of();
        }
        String doing = "running EXPORTS";
        bridge.send(Map.of("op", "export", "dir", outputDir.toAbsolutePath().toString()));
        SqlRelay relay = new SqlRelay(workspace);
        while (true) {
            Map<String, Object> message = bridge.receive(doing);
            if ("sql".equals(message.get("type"))) {
                bridge.send(relay.answer(message));
                continue;
            }
            Map<String, Object> reply = Replies.expect(message, "exports", doing);
            List<ExportResult> results = new ArrayList<>();
            for (Map<String, Object> r : SpecDescription.objects(reply.get("results"))) {
                Object error = r.get("error");
                results.add(new ExportResult(String.valueOf(r.get("name")), Path.of(String.valueOf(r.get("path"))),
                        Optional.ofNullable(error).map(String::valueOf)));
            }
            return results;
        }
    }

    /** Tells the bridge to exit now: Python's own shutdown overlaps whatever the caller does before close. */
    @Override
    public void release() {
        released = true;
        bridge.release();
    }

    private void requireNotReleased(String doing) {
        if (released) {
            throw new IllegalStateException("Cannot " + doing + ": the session of spec module "
                    + spec.origin().module() + " was released after loading.");
        }
    }

    @Override
    public void close() {
        bridge.close();
    }
}
