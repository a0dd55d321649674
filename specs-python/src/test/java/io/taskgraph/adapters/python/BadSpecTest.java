package io.taskgraph.adapters.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.port.SpecRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every spec mistake is one InvalidSpecException naming the module, the file and the line. */
class BadSpecTest {
    @TempDir
    static Path app;

    private final PythonSpecLoader loader = PythonFixtures.loader(line -> { });

    @BeforeAll
    static void copyFixtures() {
        PythonFixtures.copyTo(app);
    }

    private String messageFor(String module) {
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> loader.open(SpecRequest.of(module, app)).close());
        assertFalse(e.getMessage().contains("Traceback"), "no Python traceback wall: " + e.getMessage());
        return e.getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad.unknown_key         | Spec module bad.unknown_key (bad/unknown_key.py, line 4): task 'totals' has an unknown key 'output'; did you mean 'outputs'?
            bad.syntax              | Spec module bad.syntax has a syntax error (bad/syntax.py, line 4): invalid syntax: {"name": "totals" "prompt": "Total the sales."},
            bad.raises              | Spec module bad.raises failed to import (bad/raises.py, line 2): ZeroDivisionError: division by zero
            bad.no_inputs           | Spec module bad.no_inputs (bad/no_inputs.py): it defines no INPUTS. Add a dict mapping table names to data, e.g. INPUTS = {"sales": load_sales}.
            bad.no_tasks            | Spec module bad.no_tasks (bad/no_tasks.py): it defines no TASKS. Add a list of task dicts, each with "name", "prompt", "inputs" and "outputs".
            bad.task_not_dict       | Spec module bad.task_not_dict (bad/task_not_dict.py, line 4): TASKS[1] is a str; each task must be a dict (or a taskgraph.Task).
            bad.prompt_not_string   | Spec module bad.prompt_not_string (bad/prompt_not_string.py, line 3): task 'a': "prompt" must be a string, not a list.
            bad.inputs_string       | Spec module bad.inputs_string (bad/inputs_string.py, line 3): task 'a': "inputs" must be a list of names, not the string 'sales'; write ['sales'].
            bad.output_columns_list | Spec module bad.output_columns_list (bad/output_columns_list.py, line 3): task 'a': "output_columns" must be a dict mapping each output view to its column names, not a list.
            bad.validate_sql_number | Spec module bad.validate_sql_number (bad/validate_sql_number.py, line 3): task 'a': "validate_sql" must hold only SQL strings; 0 is an int.
            bad.columns_string      | Spec module bad.columns_string (bad/columns_string.py, line 1): input 'sales': "columns" must be a list of names, not the string 'id'; write ['id'].
            bad.rich_unknown_key    | Spec module bad.rich_unknown_key (bad/rich_unknown_key.py, line 5): input 'sales' has an unknown key 'validate'; did you mean 'validate_sql'?
            bad.sheet_not_string    | Spec module bad.sheet_not_string (bad/sheet_not_string.py, line 2): input 'invoices': "sheet" must be the name of a worksheet (a non-empty string), not an int.
            bad.sheet_of_csv        | Spec module bad.sheet_of_csv (bad/sheet_of_csv.py, line 2): input 'people': "sheet" selects a worksheet of an .xlsx file, but its data is 'data/people.csv'. Drop "sheet", or point "data" at an .xlsx file.
            bad.unsupported_input   | Spec module bad.unsupported_input (bad/unsupported_input.py, line 1): input 'sales' is a set, which Taskgraph cannot ingest. Inputs take a callable returning data, a list of dicts, a dict of column lists, a polars or pandas DataFrame, or a path to a .csv/.parquet/.json/.ndjson/.jsonl/.xlsx file.
            bad.task_object_typo    | Spec module bad.task_object_typo failed to import (bad/task_object_typo.py, line 5): TypeError: Task() got an unexpected keyword argument 'output_column'; did you mean 'output_columns'?
            bad.export_not_callable | Spec module bad.export_not_callable (bad/export_not_callable.py, line 3): EXPORTS['a.csv'] is a str; it must be a function fn(conn, path).
            bad.reads_stdin         | Spec module bad.reads_stdin failed to import (bad/reads_stdin.py, line 1): EOFError: EOF when reading a line
            bad.unsafe_output       | Spec module bad.unsafe_output (bad/unsafe_output.py, line 4): Task 'b': output 'b-out' is not a safe SQL identifier; use letters, digits and underscores, starting with a letter or underscore.
            """)
    void eachMistakeIsReportedWithModuleFileAndLine(String module, String expected) {
        assertEquals(expected, messageFor(module));
    }

    @Test
    void aMissingPackageSaysWhichAndWhichPythonLacksIt() {
        String message = messageFor("bad.missing_package");
        String start = "Spec module bad.missing_package failed to import (bad/missing_package.py, line 1): "
                + "No module named 'polarz'. Install the package into the Python Taskgraph runs (/";
        assertEquals(start, message.substring(0, start.length()));
        assertTrue(message.endsWith("), or point TASKGRAPH_PYTHON at one that has it."), message);
    }

    @Test
    void aModuleThatIsNotThereSaysWhereItLooked() {
        assertEquals("Spec module nowhere.spec not found: looked for nowhere/spec.py and nowhere/spec/__init__.py "
                + "under " + app.toAbsolutePath().normalize() + " (the working directory, first on the Python path); "
                + "there is no package 'nowhere' there. Run from your app's root, or fix --spec.",
                messageFor("nowhere.spec"));
        assertEquals("Spec module seed.nothing not found: looked for seed/nothing.py and seed/nothing/__init__.py "
                + "under " + app.toAbsolutePath().normalize() + " (the working directory, first on the Python path). "
                + "Run from your app's root, or fix --spec.", messageFor("seed.nothing"));
    }

    @Test
    void aNameThatIsNotAModuleNameIsRefusedBeforeImporting() {
        assertEquals("'specs/main.py' is not a Python module name; give the dotted import path of the spec, "
                + "e.g. my_app.specs.main.", messageFor("specs/main.py"));
    }
}
