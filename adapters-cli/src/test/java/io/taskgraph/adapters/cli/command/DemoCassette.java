package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.duckdb.DuckDbEngine;
import io.taskgraph.adapters.openrouter.RecordingLlmClient;
import io.taskgraph.adapters.python.PythonSpecLoader;
import io.taskgraph.adapters.xlsx.XlsxWorkbookReader;
import io.taskgraph.application.run.RunControl;
import io.taskgraph.application.run.RunRequest;
import io.taskgraph.application.run.RunWorkspace;
import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.testing.ScriptedLlmClient;
import io.taskgraph.domain.testing.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records the conversation {@code taskgraph demo} replays: the diamond example (as the jar ships it) run through
 * {@link RunWorkspace} with the real python3 loader and DuckDB engine, the scripted model playing the reference SQL of
 * {@code examples/solutions/diamond.json} (one statement per turn, then a closing answer), wrapped by
 * {@link RecordingLlmClient}. One task at a time, so the cassette's lines and call ids come out the same every time.
 *
 * <p>Regenerate the shipped cassette after changing the agent's prompts, the examples or the solutions with
 * {@code mvn -B -pl adapters-cli -am test -Dtest=DemoCassetteTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtaskgraph.demo.record=true} (or run this class's {@code main} from the adapters-cli directory).
 */
final class DemoCassette {
    /** The cassette in the source tree, relative to the adapters-cli module directory. */
    static final Path SHIPPED = Path.of("src/main/resources").resolve(DemoBundle.CASSETTE);

    private DemoCassette() {
    }

    public static void main(String[] args) throws IOException {
        record(SHIPPED);
        System.out.println("Recorded " + SHIPPED.toAbsolutePath() + " (" + Files.readAllLines(SHIPPED).size() + " calls).");
    }

    /** Writes the demo's recording to {@code cassette}; fails when the reference SQL does not pass every task. */
    static void record(Path cassette) throws IOException {
        try (DemoBundle bundle = DemoBundle.extract()) {
            Path dir = bundle.directory();
            ScriptedLlmClient model = ScriptedLlmClient.create().usagePerResponse(Usage.NONE);
            Map<String, Object> solutions = Json.parseObject(Files.readString(dir.resolve("solutions/diamond.json")));
            solutions.forEach((task, statements) -> model.task(task, turns((List<?>) statements)));
            RunRequest request = new RunRequest(new SpecRequest(DemoBundle.SPEC, dir, Map.of()), dir.resolve("record.db"),
                    false, DemoCommand.options().withConcurrency(1));
            RunSummary summary = new RunWorkspace(new PythonSpecLoader(System.getenv(), dir, line -> { }),
                    new XlsxWorkbookReader(), new DuckDbEngine(), new RecordingLlmClient(model, cassette), event -> { },
                    Clock.systemUTC()).run(request, new RunControl());
            if (!summary.allTasksPassed()) {
                throw new IllegalStateException("The reference SQL in examples/solutions/diamond.json no longer passes "
                        + "every task: " + summary.tasks() + "; fix the solutions before recording the demo.");
            }
        }
    }

    private static Turn[] turns(List<?> statements) {
        List<Turn> turns = new ArrayList<>();
        statements.forEach(sql -> turns.add(Turn.sql(String.valueOf(sql))));
        turns.add(Turn.answer("Done: the views are created and pass their checks."));
        return turns.toArray(Turn[]::new);
    }
}
