package io.taskgraph.adapters.python;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.RemainingParts;
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
    /** The parts of the last input that the bridge is still to send; they are read (or drained) before anything else. */
    private BridgeParts unread;

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
        drainParts();
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
        int parts = reply.get("parts") instanceof Number n ? n.intValue() : 1;
        RemainingParts remaining = RemainingParts.NONE;
        if (parts > 1) {
            unread = new BridgeParts(parts - 1, "writing the rows of input '" + input + "'");
            remaining = unread;
        }
        return new TableSource(Path.of(String.valueOf(reply.get("file"))),
                SourceFormat.valueOf(String.valueOf(reply.get("format"))), columns,
                Optional.ofNullable(sheet).map(String::valueOf), String.valueOf(reply.get("origin")), remaining);
    }

    /**
     * The later parts of an input, announced by the bridge one message each as it finishes writing them. A caller
     * that stops reading early (its load failed) leaves the rest to {@link #drainParts()}.
     */
    private final class BridgeParts implements RemainingParts {
        private final String doing;
        private int left;

        BridgeParts(int left, String doing) {
            this.left = left;
            this.doing = doing;
        }

        @Override
        public Optional<Path> next() {
            synchronized (PythonSpecSession.this) {
                if (left == 0 || unread != this) {
                    return Optional.empty();
                }
                left--;
                if (left == 0) {
                    unread = null;
                }
                Map<String, Object> message;
                try {
                    message = Replies.expect(bridge.receive(doing), "part", doing);
                } catch (RuntimeException e) {
                    left = 0; // the bridge sends no part after an error
                    unread = null;
                    throw e;
                }
                return Optional.of(Path.of(String.valueOf(message.get("file"))));
            }
        }
    }

    /** Reads past the parts of an earlier input that its caller left unread, so the next reply is the next one. */
    private void drainParts() {
        while (unread != null) {
            try {
                unread.next();
            } catch (InvalidSpecException | IllegalStateException e) {
                return; // that input's load has already failed; its error was the caller's to report
            }
        }
    }

    @Override
    public synchronized List<ExportResult> runExports(SqlReader workspace, Path outputDir) {
        requireNotReleased("run EXPORTS");
        if (spec.exports().isEmpty()) {
            return List.of();
        }
        drainParts();
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
        synchronized (this) {
            if (unread != null) {
                bridge.stop(); // it is still writing parts nobody will read
            }
        }
        bridge.close();
    }
}
