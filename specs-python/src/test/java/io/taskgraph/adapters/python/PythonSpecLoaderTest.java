package io.taskgraph.adapters.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.port.contract.SpecLoaderContract;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.TaskKind;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real loader on real python3, against the SpecLoader contract and SEED.md's examples. */
class PythonSpecLoaderTest extends SpecLoaderContract {
    @TempDir
    static Path app;

    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final PythonSpecLoader loader = PythonFixtures.loader(stderr::add);

    @BeforeAll
    static void copyFixtures() {
        PythonFixtures.copyTo(app);
    }

    @Override
    protected SpecLoader loader() {
        return loader;
    }

    @Override
    protected SpecRequest request(Fixture fixture) {
        String module = switch (fixture) {
            case MINIMAL -> "seed.minimal";
            case DIAMOND -> "seed.diamond";
            case EXPORTS -> "contract.exports";
            case BROKEN -> "bad.unknown_key";
            case HANGING -> "contract.hanging";
        };
        return SpecRequest.of(module, app);
    }

    @Test
    void everyBridgeResourceIsUnpacked() throws Exception {
        Path resources = Path.of("src/main/resources/io/taskgraph/adapters/python");
        try (var files = Files.walk(resources)) {
            assertEquals(files.filter(p -> p.toString().endsWith(".py")).map(p -> resources.relativize(p).toString())
                    .sorted().toList(), BridgeFiles.FILES.stream().sorted().toList());
        }
    }

    @Test
    void originHoldsTheModuleFileAndItsExactSource() throws Exception {
        try (SpecSession session = loader.open(SpecRequest.of("seed.minimal", app))) {
            var origin = session.spec().origin();
            assertEquals("seed.minimal", origin.module());
            assertEquals(app.resolve("seed/minimal.py").toRealPath(), origin.file().toRealPath());
            assertEquals(Files.readString(app.resolve("seed/minimal.py")), origin.source());
            assertTrue(session.spec().tasks().get(0).prompt().startsWith("Summarize employees by department."));
        }
    }

    @Test
    void richInputsKeepTheirColumnsAndChecksAndSimpleFormsHaveNone() {
        try (SpecSession session = loader.open(SpecRequest.of("seed.rich_inputs", app))) {
            WorkspaceSpec spec = session.spec();
            assertEquals(List.of(
                    new InputSpec("invoices", List.of("id", "amount", "date"),
                            List.of("SELECT 'null amount' FROM invoices WHERE amount IS NULL")),
                    InputSpec.of("sales"), InputSpec.of("rates"), InputSpec.of("config")), spec.inputs());
            TaskSpec match = spec.task("match").orElseThrow();
            assertEquals(List.of("SELECT * FROM output WHERE left_id IS NULL AND right_id IS NULL"), match.validateSql());
            assertEquals(List.of("left_id", "right_id"), match.requiredColumns("output"));
        }
    }

    @Test
    void taskObjectsAndDictsMixInOneTaskList() {
        try (SpecSession session = loader.open(SpecRequest.of("seed.diamond", app))) {
            TaskSpec costs = session.spec().task("costs").orElseThrow();
            assertEquals(TaskSpec.agent("costs", "Total costs per product.", List.of("prepared_costs"),
                    List.of("costs_summary")), costs);
        }
    }

    @Test
    void sqlTasksCarryTheirStatementsAndRepairFlag() throws Exception {
        Files.createDirectories(app.resolve("sqltasks"));
        Files.writeString(app.resolve("sqltasks/main.py"), """
                INPUTS = {"sales": [{"id": 1, "amount": 5}]}
                TASKS = [
                    {"name": "totals", "sql": "CREATE VIEW totals AS SELECT sum(amount) AS total FROM sales",
                     "inputs": ["sales"], "outputs": ["totals"]},
                    {"name": "checked", "prompt": "One row per sale, amounts positive.", "repair": True,
                     "sql": ["CREATE VIEW checked_base AS SELECT * FROM sales",
                             "CREATE VIEW checked AS SELECT * FROM checked_base WHERE amount > 0"],
                     "inputs": ["sales"], "outputs": ["checked"]},
                ]
                """);
        try (SpecSession session = loader.open(SpecRequest.of("sqltasks.main", app))) {
            TaskSpec totals = session.spec().task("totals").orElseThrow();
            assertEquals(TaskKind.SQL, totals.kind());
            assertEquals(List.of("CREATE VIEW totals AS SELECT sum(amount) AS total FROM sales"), totals.sql());
            TaskSpec checked = session.spec().task("checked").orElseThrow();
            assertTrue(checked.repair());
            assertEquals(2, checked.sql().size());
            assertEquals("One row per sale, amounts positive.", checked.prompt());
        }
    }

    @Test
    void printsOfTheSpecGoToStderrAndCannotCorruptTheProtocol() {
        try (SpecSession session = loader.open(SpecRequest.of("misc.printing", app))) {
            assertEquals(List.of("sales"), session.spec().inputs().stream().map(InputSpec::name).toList());
        }
        assertTrue(stderr.contains("loading the printing spec"), stderr.toString());
        assertTrue(stderr.contains("a line that looks like JSON: {\"type\": \"spec\"}"), stderr.toString());
    }

    @Test
    void theSpecRunsInTheEnvironmentTheLoaderWasGivenPlusTheRequestsNeverTheJvms() {
        List<String> printed = new CopyOnWriteArrayList<>();
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("TASKGRAPH_TEST_FROM_ROOT", "root");
        PythonSpecLoader fromRoot = new PythonSpecLoader(environment, app, printed::add);
        try (SpecSession session = fromRoot.open(new SpecRequest("misc.environment", app,
                Map.of("TASKGRAPH_TEST_FROM_REQUEST", "request")))) {
            assertEquals(List.of("sales"), session.spec().inputs().stream().map(InputSpec::name).toList());
        }
        assertTrue(printed.containsAll(List.of("TASKGRAPH_TEST_FROM_ROOT=root", "TASKGRAPH_TEST_FROM_REQUEST=request")),
                printed.toString());
        assertTrue(System.getenv("HOME") != null, "the JVM has a variable the loader was not given");
        assertTrue(printed.contains("HOME=(unset)"), printed.toString());
    }

    @Test
    void aSessionServesSeveralRequestsAfterLoading() {
        try (SpecSession session = loader.open(SpecRequest.of("seed.rich_inputs", app))) {
            for (String input : List.of("invoices", "sales", "rates", "config")) {
                assertTrue(Files.isRegularFile(session.materialize(input, scratch).file()), input);
            }
        }
    }
}
