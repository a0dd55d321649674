package io.taskgraph.domain.data;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.spec.InputSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnNamesTest {
    private static String refused(List<String> names) {
        return assertThrows(InvalidSpecException.class,
                () -> ColumnNames.requireDistinct("sales", "callable load_sales", names)).getMessage();
    }

    @Test
    void distinctNamesPass() {
        assertDoesNotThrow(() -> ColumnNames.requireDistinct("sales", "file sales.csv", List.of("id", "id_1", "row_id")));
    }

    @Test
    void everyGroupOfNamesEqualButForCaseIsNamedInTheDataOrder() {
        assertEquals("Input 'sales' (callable load_sales) has columns whose names differ only in case: 'ID' and 'id'; "
                + "'Region', 'REGION' and 'region'. DuckDB does not tell such names apart: it would rename one of them, "
                + "and tasks could read the wrong column. Rename the columns in the data (callable load_sales) so that "
                + "no two differ only in case, and run again.",
                refused(List.of("ID", "Region", "amount", "id", "REGION", "region")));
    }

    @Test
    void aRowIdColumnOfTheDataIsRefusedWithARenameToTry() {
        assertEquals("Input 'sales' (callable load_sales) has a column named '_Row_Id', but Taskgraph adds its own "
                + "'_row_id' (the row number, 1..n in source order) to every input table, so the data's column would be "
                + "renamed. Rename that column in the data (callable load_sales), e.g. to 'source_row_id', and run again.",
                refused(List.of("amount", "_Row_Id")));
    }

    @Test
    void declaredColumnsListedTwiceOrInTwoCasesAreASpecError() {
        assertEquals("Input 'sales': \"columns\" lists 'id' twice; and 'Day' and 'day', which DuckDB does not tell "
                + "apart. List each column once, spelled as in the data.",
                assertThrows(InvalidSpecException.class, () -> new InputSpec("sales", List.of("id", "Day", "id", "day"),
                        List.of())).getMessage());
    }

    @Test
    void declaringTheRowIdIsAllowedBecauseEveryInputHasIt() {
        assertEquals(List.of("_row_id", "id"), new InputSpec("sales", List.of("_row_id", "id"), List.of()).columns());
    }
}
