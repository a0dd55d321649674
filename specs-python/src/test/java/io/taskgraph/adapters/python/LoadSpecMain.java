package io.taskgraph.adapters.python;

import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import java.nio.file.Path;

/** What `taskgraph show` pays for a spec: a fresh JVM loading it through the bridge (see ShowCostBenchmark). */
public final class LoadSpecMain {
    private LoadSpecMain() {
    }

    public static void main(String[] args) {
        PythonSpecLoader loader = new PythonSpecLoader(System.getenv(), Path.of(args[1]), System.err::println);
        try (SpecSession session = loader.open(SpecRequest.of(args[0], Path.of(args[1])))) {
            System.out.println(session.spec().tasks().size() + " tasks");
        }
    }
}
