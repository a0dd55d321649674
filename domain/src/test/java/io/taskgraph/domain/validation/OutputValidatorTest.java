package io.taskgraph.domain.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.spec.TaskSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputValidatorTest {
    private static final String NO_NULL_IDS = "SELECT 'row ' || id || ' has no name' FROM report WHERE name IS NULL";
    private static final String NO_NEGATIVE = "SELECT id, amount FROM totals WHERE amount < 0";

    private static TaskSpec task(List<String> checks) {
        return new TaskSpec("summarize", "Summarize.", List.of(), false, List.of("sales"), List.of("report", "totals"),
                Map.of("report", List.of("id", "name"), "totals", List.of("amount")), checks);
    }

    private static ScriptedSqlReader healthyWorkspace() {
        return new ScriptedSqlReader()
                .view("report", "id", "name", "extra")
                .view("totals", "AMOUNT")
                .answers(NO_NULL_IDS, List.of("msg"))
                .answers(NO_NEGATIVE, List.of("id", "amount"));
    }

    @Test
    void passesWhenEveryViewExistsWithItsColumnsAndEveryCheckReturnsNoRows() {
        ScriptedSqlReader reader = healthyWorkspace();
        ValidationReport report = OutputValidator.validate(task(List.of(NO_NULL_IDS, NO_NEGATIVE)), reader);
        assertTrue(report.passed(), report::feedback);
        assertEquals(List.of(NO_NULL_IDS, NO_NEGATIVE), reader.asked);
    }

    @Test
    void everyMissingOutputIsReportedAndLaterStagesDoNotRun() {
        ScriptedSqlReader reader = new ScriptedSqlReader().view("unrelated", "a");
        ValidationReport report = OutputValidator.validate(task(List.of(NO_NULL_IDS)), reader);
        assertEquals(List.of(
                "Output view 'report' does not exist; create it with CREATE OR REPLACE VIEW report AS SELECT ....",
                "Output view 'totals' does not exist; create it with CREATE OR REPLACE VIEW totals AS SELECT ...."),
                report.failures());
        assertTrue(reader.asked.isEmpty(), "validate_sql must not run before the views exist");
    }

    @Test
    void tableWithTheOutputsNameIsReportedAsATable() {
        ScriptedSqlReader reader = new ScriptedSqlReader().table("report", "id", "name").view("totals", "amount");
        assertEquals(List.of("Output 'report' is a table, must be a view."),
                OutputValidator.validate(task(List.of()), reader).failures());
    }

    @Test
    void missingColumnsAreNamedWithTheViewsActualColumns() {
        ScriptedSqlReader reader = new ScriptedSqlReader().view("report", "id", "label", "extra").view("totals", "x");
        ValidationReport report = OutputValidator.validate(task(List.of(NO_NULL_IDS)), reader);
        assertEquals(List.of(
                "View 'report' is missing required column [name]; its columns are [id, label, extra].",
                "View 'totals' is missing required column [amount]; its columns are [x]."), report.failures());
        assertTrue(reader.asked.isEmpty(), "validate_sql must not run while columns are missing");
    }

    @Test
    void severalMissingColumnsAreListedInTheOrderTheSpecGivesThem() {
        TaskSpec spec = new TaskSpec("t", "p", List.of(), false, List.of(), List.of("v"),
                Map.of("v", List.of("c", "a", "b")), List.of());
        ScriptedSqlReader reader = new ScriptedSqlReader().view("v", "a");
        assertEquals(List.of("View 'v' is missing required columns [c, b]; its columns are [a]."),
                OutputValidator.validate(spec, reader).failures());
    }

    @Test
    void columnNamesCompareWithoutCaseLikeDuckDb() {
        ScriptedSqlReader reader = new ScriptedSqlReader().view("report", "ID", "Name").view("totals", "amount");
        assertTrue(OutputValidator.validate(task(List.of()), reader).passed());
    }

    @Test
    void eachRowOfASingleColumnCheckIsOneMessageHoldingItsValue() {
        ScriptedSqlReader reader = healthyWorkspace()
                .answers(NO_NULL_IDS, List.of("msg"), new Object[] {"row 3 has no name"}, new Object[] {"row 9 has no name"});
        assertEquals(List.of("row 3 has no name", "row 9 has no name"),
                OutputValidator.validate(task(List.of(NO_NULL_IDS)), reader).failures());
    }

    @Test
    void rowsOfAMultiColumnCheckReadAsColumnEqualsValuePairs() {
        ScriptedSqlReader reader = healthyWorkspace().answers(NO_NEGATIVE, List.of("id", "amount", "tags"),
                new Object[] {7L, -1.5, List.of("a", "b")}, new Object[] {8L, null, Map.of("k", 1L)});
        assertEquals(List.of("id=7, amount=-1.5, tags=[\"a\",\"b\"]", "id=8, amount=NULL, tags={\"k\":1}"),
                OutputValidator.validate(task(List.of(NO_NEGATIVE)), reader).failures());
    }

    @Test
    void rowMessagesPerQueryAreCappedWithACountOfTheRest() {
        Object[][] rows = new Object[25][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {"bad " + i};
        }
        ScriptedSqlReader reader = healthyWorkspace().answers(NO_NULL_IDS, List.of("msg"), rows)
                .answers(NO_NEGATIVE, List.of("id", "amount"), new Object[] {1L, -2L});
        List<String> failures = OutputValidator.validate(task(List.of(NO_NULL_IDS, NO_NEGATIVE)), reader).failures();
        assertEquals(22, failures.size());
        assertEquals("bad 0", failures.get(0));
        assertEquals("bad 19", failures.get(19));
        assertEquals("... and 5 more rows from validate_sql: " + NO_NULL_IDS, failures.get(20));
        assertEquals("id=1, amount=-2", failures.get(21));
    }

    @Test
    void oneRowOverTheCapIsCountedInTheSingular() {
        Object[][] rows = new Object[21][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {i};
        }
        ScriptedSqlReader reader = healthyWorkspace().answers(NO_NULL_IDS, List.of("n"), rows);
        List<String> failures = OutputValidator.validate(task(List.of(NO_NULL_IDS)), reader).failures();
        assertEquals(21, failures.size());
        assertEquals("... and 1 more row from validate_sql: " + NO_NULL_IDS, failures.get(20));
    }

    @Test
    void checkThatFailsToRunQuotesTheQueryAndTheDatabaseError() {
        String broken = "  SELECT * FROM report WHERE nme IS NULL\n";
        ScriptedSqlReader reader = healthyWorkspace()
                .fails(broken, "Binder Error: Referenced column \"nme\" not found");
        ValidationReport report = OutputValidator.validate(task(List.of(broken, NO_NEGATIVE)), reader);
        assertEquals(List.of("validate_sql query failed to run: SELECT * FROM report WHERE nme IS NULL\n"
                + "  Error: Binder Error: Referenced column \"nme\" not found"), report.failures());
        assertEquals(List.of(broken, NO_NEGATIVE), reader.asked, "the other checks still run");
    }

    @Test
    void feedbackStartsWithValidationFailedAndListsEveryFailure() {
        ScriptedSqlReader reader = new ScriptedSqlReader();
        assertEquals("Validation failed:\n"
                + "- Output view 'report' does not exist; create it with CREATE OR REPLACE VIEW report AS SELECT ....\n"
                + "- Output view 'totals' does not exist; create it with CREATE OR REPLACE VIEW totals AS SELECT ....",
                OutputValidator.validate(task(List.of()), reader).feedback());
    }

    @Test
    void checkShapeLooksAtOneOutputAndRunsNoQueries() {
        ScriptedSqlReader reader = new ScriptedSqlReader().view("report", "id");
        TaskSpec spec = task(List.of(NO_NULL_IDS));
        assertEquals(List.of("View 'report' is missing required column [name]; its columns are [id]."),
                OutputValidator.checkShape(spec, "report", reader).failures());
        assertEquals(List.of("Output view 'totals' does not exist; create it with CREATE OR REPLACE VIEW totals AS "
                + "SELECT ...."), OutputValidator.checkShape(spec, "totals", reader).failures());
        reader.view("totals", "amount");
        assertTrue(OutputValidator.checkShape(spec, "totals", reader).passed());
        assertTrue(reader.asked.isEmpty());
    }

    @Test
    void checkShapeReportsATableAsATable() {
        ScriptedSqlReader reader = new ScriptedSqlReader().table("totals", "amount");
        assertEquals(List.of("Output 'totals' is a table, must be a view."),
                OutputValidator.checkShape(task(List.of()), "totals", reader).failures());
    }

    @Test
    void checkShapeRefusesANameThatIsNotAnOutput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputValidator.checkShape(task(List.of()), "summarize_tmp", new ScriptedSqlReader()));
        assertEquals("'summarize_tmp' is not an output of task 'summarize' [report, totals]", e.getMessage());
    }

    @Test
    void viewWithoutRequiredColumnsOnlyNeedsToExist() {
        TaskSpec spec = TaskSpec.agent("t", "p", List.of(), List.of("v"));
        assertFalse(OutputValidator.validate(spec, new ScriptedSqlReader()).passed());
        assertTrue(OutputValidator.validate(spec, new ScriptedSqlReader().view("v")).passed());
    }
}
