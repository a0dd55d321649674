package io.taskgraph.domain.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.spec.GitInfo;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.SpecOrigin;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    private static final SpecOrigin ORIGIN = new SpecOrigin("specs.main", Path.of("specs", "main.py"), "", GitInfo.unknown());

    private static WorkspaceSpec spec(List<InputSpec> inputs, List<TaskSpec> tasks) {
        return new WorkspaceSpec(ORIGIN, inputs, tasks, List.of());
    }

    private static TaskSpec task(String name, List<String> inputs, List<String> outputs,
                                 Map<String, List<String>> columns) {
        return new TaskSpec(name, "Do " + name + ".", List.of(), false, inputs, outputs, columns, List.of());
    }

    private static WorkspaceSpec diamond() {
        return spec(List.of(new InputSpec("transactions", List.of("id", "amount"), List.of()), InputSpec.of("products")),
                List.of(task("prep", List.of("transactions"), List.of("prepared_sales", "prepared_costs"), Map.of()),
                        task("sales", List.of("prepared_sales", "products"), List.of("sales_summary"),
                                Map.of("sales_summary", List.of("region", "total"))),
                        task("report", List.of("sales_summary"), List.of("profit_report"), Map.of())));
    }

    @Test
    void jsonIsCanonicalWithSortedKeysAndSortedNames() {
        assertEquals("{\"inputs\":{\"products\":[],\"transactions\":[\"amount\",\"id\"]},"
                + "\"tasks\":{"
                + "\"prep\":{\"inputs\":[\"transactions\"],\"output_columns\":{},\"outputs\":[\"prepared_costs\",\"prepared_sales\"]},"
                + "\"report\":{\"inputs\":[\"sales_summary\"],\"output_columns\":{},\"outputs\":[\"profit_report\"]},"
                + "\"sales\":{\"inputs\":[\"prepared_sales\",\"products\"],"
                + "\"output_columns\":{\"sales_summary\":[\"region\",\"total\"]},\"outputs\":[\"sales_summary\"]}}}",
                Fingerprint.of(diamond()));
    }

    @Test
    void declarationOrderDoesNotChangeTheFingerprint() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("b", List.of("y", "x"));
        columns.put("a", List.of("k"));
        Map<String, List<String>> reversed = new LinkedHashMap<>();
        reversed.put("a", List.of("k"));
        reversed.put("b", List.of("x", "y"));
        WorkspaceSpec one = spec(List.of(InputSpec.of("i1"), new InputSpec("i2", List.of("c2", "c1"), List.of())),
                List.of(task("t1", List.of("i1", "i2"), List.of("a", "b"), columns),
                        task("t2", List.of("a"), List.of("c"), Map.of())));
        WorkspaceSpec two = spec(List.of(new InputSpec("i2", List.of("c1", "c2"), List.of()), InputSpec.of("i1")),
                List.of(task("t2", List.of("a"), List.of("c"), Map.of()),
                        task("t1", List.of("i2", "i1"), List.of("b", "a"), reversed)));
        assertEquals(Fingerprint.of(one), Fingerprint.of(two));
    }

    @Test
    void promptsSqlValidationAndExportsAreNotPartOfTheFingerprint() {
        WorkspaceSpec changed = new WorkspaceSpec(ORIGIN, List.of(
                new InputSpec("transactions", List.of("id", "amount"), List.of("SELECT 1 WHERE false")),
                InputSpec.of("products")),
                List.of(new TaskSpec("prep", "A new prompt", List.of("CREATE VIEW prepared_sales AS SELECT 1"), true,
                                List.of("transactions"), List.of("prepared_sales", "prepared_costs"), Map.of(),
                                List.of("SELECT * FROM prepared_sales WHERE false")),
                        task("sales", List.of("prepared_sales", "products"), List.of("sales_summary"),
                                Map.of("sales_summary", List.of("region", "total"))),
                        task("report", List.of("sales_summary"), List.of("profit_report"), Map.of())),
                List.of("report.csv"));
        assertEquals(Fingerprint.of(diamond()), Fingerprint.of(changed));
        assertEquals(List.of(), Fingerprint.differences(Fingerprint.of(diamond()), Fingerprint.of(changed)));
    }

    @Test
    void identicalStructuresHaveNoDifferences() {
        String json = Fingerprint.of(diamond());
        assertEquals(List.of(), Fingerprint.differences(json, json));
    }

    @Test
    void everyIncompatibilityIsListedAsASentence() {
        WorkspaceSpec before = spec(List.of(new InputSpec("rates", List.of("a"), List.of()), InputSpec.of("old_input")),
                List.of(task("sales", List.of("rates"), List.of("sales_view"), Map.of()),
                        task("report", List.of("rates"), List.of("x"), Map.of("x", List.of("a")))));
        WorkspaceSpec after = spec(List.of(new InputSpec("rates", List.of("a", "b"), List.of()), InputSpec.of("fx")),
                List.of(task("report", List.of("rates", "fx"), List.of("x", "y"), Map.of("x", List.of("a", "c"),
                                "y", List.of("z"))),
                        task("audit", List.of("x"), List.of("audit_log"), Map.of())));
        assertEquals(List.of(
                        "input 'fx' was added",
                        "input 'old_input' was removed",
                        "input 'rates' requires columns [a, b], was [a]",
                        "task 'audit' was added",
                        "task 'report' inputs changed from [rates] to [fx, rates]",
                        "task 'report' outputs changed from [x] to [x, y]",
                        "task 'report' output 'x' requires columns [a, c], was [a]",
                        "task 'report' output 'y' requires columns [z], was []",
                        "task 'sales' was removed"),
                Fingerprint.differences(Fingerprint.of(before), Fingerprint.of(after)));
    }

    @Test
    void unreadableRecordedFingerprintGivesOneClearSentence() {
        String current = Fingerprint.of(diamond());
        assertEquals(List.of("the recorded structural fingerprint cannot be read (unexpected character 'g' at offset 0);"
                        + " start a fresh run with `taskgraph run`"),
                Fingerprint.differences("garbage", current));
        assertEquals(List.of("the recorded structural fingerprint cannot be read (tasks should be a JSON object but is "
                        + "missing); start a fresh run with `taskgraph run`"),
                Fingerprint.differences("{\"inputs\":{}}", current));
        assertEquals(List.of("the recorded structural fingerprint cannot be read (the outputs of task 'a' should be a "
                        + "list of names but is [1]); start a fresh run with `taskgraph run`"),
                Fingerprint.differences("{\"inputs\":{},\"tasks\":{\"a\":{\"inputs\":[],\"outputs\":[1]}}}", current));
    }

    @Test
    void missingRecordedFingerprintSaysSo() {
        List<String> differences = Fingerprint.differences("  ", Fingerprint.of(diamond()));
        assertEquals(1, differences.size());
        assertTrue(differences.get(0).startsWith("the previous run recorded no structural fingerprint"));
    }

    @Test
    void recordedFingerprintWithoutOutputColumnsReadsAsNoRequiredColumns() {
        String recorded = "{\"inputs\":{\"products\":[],\"transactions\":[\"id\",\"amount\"]},\"tasks\":{"
                + "\"prep\":{\"inputs\":[\"transactions\"],\"outputs\":[\"prepared_sales\",\"prepared_costs\"]},"
                + "\"report\":{\"outputs\":[\"profit_report\"],\"inputs\":[\"sales_summary\"]},"
                + "\"sales\":{\"inputs\":[\"products\",\"prepared_sales\"],\"outputs\":[\"sales_summary\"]}}}";
        assertEquals(List.of("task 'sales' output 'sales_summary' requires columns [region, total], was []"),
                Fingerprint.differences(recorded, Fingerprint.of(diamond())));
    }
}
