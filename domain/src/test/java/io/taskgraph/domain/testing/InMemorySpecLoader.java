package io.taskgraph.domain.testing;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake {@link SpecLoader} the application tests run on: spec modules are {@link InMemorySpec}s registered by
 * name, their inputs rows held in memory and written as NDJSON when materialised, their exports Java lambdas.
 * Records every request and counts sessions left open, so tests can prove what was loaded and that it was closed.
 *
 * <pre>{@code
 * InMemorySpecLoader specs = InMemorySpecLoader.create()
 *     .module(InMemorySpec.module("app.specs.main").input("t", columns, rows).task(task).build());
 * }</pre>
 */
public final class InMemorySpecLoader implements SpecLoader {
    private final Map<String, InMemorySpec> modules = new ConcurrentHashMap<>();
    private final List<SpecRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();

    private InMemorySpecLoader() {
    }

    public static InMemorySpecLoader create() {
        return new InMemorySpecLoader();
    }

    /** Registers (or replaces) the module {@code spec.module()}. */
    public InMemorySpecLoader module(InMemorySpec spec) {
        modules.put(spec.module(), spec);
        return this;
    }

    @Override
    public SpecSession open(SpecRequest request) {
        requests.add(request);
        InMemorySpec spec = modules.get(request.module());
        if (spec == null) {
            throw new InvalidSpecException("Cannot import spec module '" + request.module() + "': no module of that "
                    + "name (in-memory modules: " + modules.keySet().stream().sorted().toList() + ").");
        }
        open.incrementAndGet();
        return new InMemorySpecSession(spec, open::decrementAndGet);
    }

    /** Every request, in order. */
    public List<SpecRequest> requests() {
        return List.copyOf(requests);
    }

    /** Sessions opened and not yet closed. */
    public int openSessions() {
        return open.get();
    }
}
