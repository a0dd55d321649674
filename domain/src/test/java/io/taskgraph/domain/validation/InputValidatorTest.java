package io.taskgraph.domain.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.spec.InputSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputValidatorTest {
    private static final String NULL_AMOUNT = "SELECT 'null amount in row ' || _row_id FROM invoices WHERE amount IS NULL";

    private static InputSpec invoices(List<String> columns, List<String> checks) {
        return new InputSpec("invoices", columns, checks);
    }

    @Test
    void passesWithTheRequiredColumnsAndNoRowsFromTheChecks() {
        ScriptedSqlReader reader = new ScriptedSqlReader().table("invoices", "_row_id", "id", "amount")
                .answers(NULL_AMOUNT, List.of("msg"));
        assertTrue(InputValidator.validate(invoices(List.of("id", "amount"), List.of(NULL_AMOUNT)), reader).passed());
        assertEquals(List.of(NULL_AMOUNT), reader.asked);
    }

    @Test
    void missingColumnsNameTheInputAndItsColumnsWithoutRowId() {
        ScriptedSqlReader reader = new ScriptedSqlReader().table("invoices", "_row_id", "id", "amt");
        ValidationReport report = InputValidator.validate(invoices(List.of("id", "amount", "date"),
                List.of(NULL_AMOUNT)), reader);
        assertEquals(List.of("Input 'invoices' is missing required columns [amount, date]; its columns are [id, amt]."),
                report.failures());
        assertTrue(reader.asked.isEmpty(), "checks must not run while columns are missing");
    }

    @Test
    void rowIdIsIgnoredEvenWhenTheSpecRequiresIt() {
        ScriptedSqlReader reader = new ScriptedSqlReader().table("invoices", "id", "_ROW_ID");
        assertTrue(InputValidator.validate(invoices(List.of("_row_id", "id"), List.of()), reader).passed());
    }

    @Test
    void eachReturnedRowIsAMessageNamingTheInput() {
        ScriptedSqlReader reader = new ScriptedSqlReader().table("invoices", "_row_id", "amount")
                .answers(NULL_AMOUNT, List.of("msg"), new Object[] {"null amount in row 2"},
                        new Object[] {"null amount in row 5"});
        assertEquals(List.of("Input 'invoices': null amount in row 2", "Input 'invoices': null amount in row 5"),
                InputValidator.validate(invoices(List.of("amount"), List.of(NULL_AMOUNT)), reader).failures());
    }

    @Test
    void checkThatFailsToRunNamesTheInputTheQueryAndTheError() {
        ScriptedSqlReader reader = new ScriptedSqlReader().table("invoices", "amount")
                .fails("SELECT x FROM invoices", "Binder Error: column x not found");
        assertEquals(List.of("Input 'invoices': validate_sql query failed to run: SELECT x FROM invoices\n"
                        + "  Error: Binder Error: column x not found"),
                InputValidator.validate(invoices(List.of(), List.of("SELECT x FROM invoices")), reader).failures());
    }

    @Test
    void inputThatWasNotIngestedIsReported() {
        assertEquals(List.of("Input 'invoices' was not ingested: there is no table named invoices."),
                InputValidator.validate(invoices(List.of(), List.of()), new ScriptedSqlReader()).failures());
    }
}
