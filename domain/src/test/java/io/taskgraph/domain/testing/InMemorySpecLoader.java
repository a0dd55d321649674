package io.taskgraph.domain.testing;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
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
    private final Map<String, InMemorySpec> modules;
    private final List<SpecRequest> requests;
    private final AtomicInteger open;
    private final Set<String> hanging;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private InMemorySpecLoader(Map<String, InMemorySpec> modules, List<SpecRequest> requests, AtomicInteger open,
                               Set<String> hanging) {
        this.modules = modules;
        this.requests = requests;
        this.open = open;
        this.hanging = hanging;
    }

    public static InMemorySpecLoader create() {
        return new InMemorySpecLoader(new ConcurrentHashMap<>(), new CopyOnWriteArrayList<>(), new AtomicInteger(),
                ConcurrentHashMap.newKeySet());
    }

    /**
     * A loader for another run: the same modules, requests and open-session count, but not stopped (a loader is
     * stopped with the run it served, as the composition root makes one per run).
     */
    public InMemorySpecLoader forAnotherRun() {
        return new InMemorySpecLoader(modules, requests, open, hanging);
    }

    /** Registers (or replaces) the module {@code spec.module()}. */
    public InMemorySpecLoader module(InMemorySpec spec) {
        modules.put(spec.module(), spec);
        return this;
    }

    /** Registers {@code module} as one whose import never finishes until the loader is {@linkplain #stop stopped}. */
    public InMemorySpecLoader hanging(String module) {
        hanging.add(module);
        return this;
    }

    @Override
    public SpecSession open(SpecRequest request) {
        requests.add(request);
        if (hanging.contains(request.module())) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (stopped.getCount() == 0) {
            throw new InvalidSpecException("Stopped while importing spec module '" + request.module() + "'.");
        }
        InMemorySpec spec = modules.get(request.module());
        if (spec == null) {
            throw new InvalidSpecException("Cannot import spec module '" + request.module() + "': no module of that "
                    + "name (in-memory modules: " + modules.keySet().stream().sorted().toList() + ").");
        }
        open.incrementAndGet();
        return new InMemorySpecSession(spec, open::decrementAndGet);
    }

    @Override
    public void stop() {
        stopped.countDown();
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
