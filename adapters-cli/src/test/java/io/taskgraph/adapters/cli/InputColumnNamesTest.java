package io.taskgraph.adapters.cli;

import static io.taskgraph.adapters.cli.WorkspaceQueries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.taskgraph.domain.testing.XlsxWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * No input form lets a column be renamed behind the user's back (issue 11): names that differ only in case, and a
 * column of the data's own called {@code _row_id}, stop the run with exit 2 and one message naming the input, where
 * its data came from and the columns; a column of mixed types is warned about. Real python3 and DuckDB, in process.
 */
class InputColumnNamesTest {
    private static final String TASK = """
            TASKS = [{"name": "tally", "sql": "CREATE VIEW tally AS SELECT count(*) AS n FROM first",
                      "inputs": ["first"], "outputs": ["tally"]}]
            """;
    private static final String CASE_CLASH = "taskgraph: Input 'people' (%s) has columns whose names differ only in "
            + "case: '%s' and '%s'. DuckDB does not tell such names apart: it would rename one of them, and tasks could "
            + "read the wrong column. Rename the columns in the data (%s) so that no two differ only in case, and run "
            + "again.\n";

    @TempDir
    Path app;

    @BeforeEach
    void appDirectory() throws IOException {
        Files.createDirectories(app.resolve("specs"));
        Files.createDirectories(app.resolve("data"));
        Files.writeString(app.resolve("specs/__init__.py"), "");
        Files.writeString(app.resolve("empty.cassette.jsonl"), "");
        Files.writeString(app.resolve("data/people.csv"), "id,ID\n1,2\n");
        Files.writeString(app.resolve("data/people.json"), "[{\"id\": 1, \"ID\": 2}]");
        Files.writeString(app.resolve("data/people.ndjson"), "{\"id\": 1}\n{\"ID\": 2}\n");
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("People", List.of(List.of("id", "ID"), List.of(1, 2)));
        XlsxWriter.write(app.resolve("data/people.xlsx"), sheets);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "[{'id': 1, 'ID': 2}]                       | list of 1 rows        | id | ID",
        "[{'id': 1}, {'ID': 2}]                     | list of 2 rows        | id | ID",
        "{'ID': [1], 'id': [2]}                     | dict of 2 columns     | ID | id",
        "lambda: [{'id': 1, 'ID': 2}]               | callable <lambda>     | id | ID",
        "'data/people.csv'                          | file data/people.csv  | id | ID",
        "'data/people.json'                         | file data/people.json | id | ID",
        "'data/people.ndjson'                       | file data/people.ndjson | id | ID",
        "'data/people.xlsx'                         | file data/people.xlsx | id | ID",
    })
    void namesThatDifferOnlyInCaseStopTheRunBeforeAnyTask(String data, String origin, String first, String second)
            throws Exception {
        spec(data);

        RealCli.Outcome o = run();

        assertEquals(2, o.exitCode(), o.all());
        assertEquals(CASE_CLASH.formatted(origin, first, second, origin), o.err(), o.all());
        assertNothingKept();
    }

    @Test
    void polarsAndPandasFramesAndAParquetFileAreCheckedToo() throws Exception {
        String python = richPython();
        Process writer = new ProcessBuilder(python, "-c",
                "import polars as pl; pl.DataFrame({'id': [1], 'ID': [2]}).write_parquet('data/people.parquet')")
                .directory(app.toFile()).inheritIO().start();
        assertEquals(0, writer.waitFor());
        Path appPython = Files.createDirectories(app.resolve(".venv/bin")).resolve("python"); // the app's own Python
        Files.writeString(appPython, "#!/bin/sh\nexec '" + python + "' \"$@\"\n");
        assertTrue(appPython.toFile().setExecutable(true));
        String[][] forms = {
            {"lambda: __import__('polars').DataFrame({'id': [1], 'ID': [2]})", "callable <lambda>"},
            {"lambda: __import__('pandas').DataFrame({'id': [1], 'ID': [2]})", "callable <lambda>"},
            {"'data/people.parquet'", "file data/people.parquet"},
        };
        for (String[] form : forms) {
            spec(form[0]);
            RealCli.Outcome o = run();
            assertEquals(2, o.exitCode(), o.all());
            assertEquals(CASE_CLASH.formatted(form[1], "id", "ID", form[1]), o.err(), form[0] + "\n" + o.all());
        }
    }

    @Test
    void aColumnOfTheDataCalledRowIdStopsTheRun() throws Exception {
        spec("[{'_row_id': 7, 'name': 'Ann'}]");

        RealCli.Outcome o = run();

        assertEquals(2, o.exitCode(), o.all());
        assertEquals("taskgraph: Input 'people' (list of 1 rows) has a column named '_row_id', but Taskgraph adds its "
                + "own '_row_id' (the row number, 1..n in source order) to every input table, so the data's column would "
                + "be renamed. Rename that column in the data (list of 1 rows), e.g. to 'source_row_id', and run again.\n",
                o.err());
        assertNothingKept();
    }

    @Test
    void declaredColumnsListedTwiceStopTheRunAtTheSpecsLine() throws Exception {
        spec("{'data': [{'id': 1}], 'columns': ['id', 'id']}");

        RealCli.Outcome o = run();

        assertEquals(2, o.exitCode(), o.all());
        assertEquals("taskgraph: Spec module specs.main (specs/main.py, line 3): Input 'people': \"columns\" lists 'id' "
                + "twice. List each column once, spelled as in the data.\n", o.err());
        assertTrue(Files.notExists(app.resolve("out.db")), "nothing is created for a spec that does not load");
    }

    @Test
    void aColumnOfMixedTypesIsTextAndTheRunSaysWhereItChanges() throws Exception {
        spec("[{'code': 1}, {'code': 2}, {'code': 'A7'}]");

        RealCli.Outcome o = run();

        assertEquals(0, o.exitCode(), o.all());
        assertTrue(o.err().contains("warning: Input 'people', column 'code' mixes int and str values; stored as VARCHAR "
                + "(text). Row 1 holds an int (1); row 3 is the first to differ: a str ('A7'). Fix the loader if the "
                + "column should hold one type.\n"), o.all());
        assertEquals(List.of(List.of("A7")), query(app.resolve("out.db"), "SELECT code FROM people WHERE _row_id = 3"));
    }

    private void spec(String peopleData) throws IOException {
        Files.writeString(app.resolve("specs/main.py"), "INPUTS = {\n    \"first\": [{\"n\": 1}],\n    \"people\": "
                + peopleData + ",\n}\n" + TASK);
    }

    private RealCli.Outcome run() {
        return RealCli.run(app, Map.of(), "run", "-o", "out.db", "-f", "-q", "--llm-replay", "empty.cassette.jsonl");
    }

    /** The run stopped before any task started, so it kept no file at all (not even the inputs ingested before). */
    private void assertNothingKept() {
        assertTrue(Files.notExists(app.resolve("out.db")), "no workspace file is left to block the retry");
        assertTrue(Files.notExists(app.resolve("out.db.wal")));
    }

    /** The test Python with polars and pandas: required in CI, where .ci/run prepares it. */
    private static String richPython() {
        String python = System.getenv("TASKGRAPH_TEST_PYTHON");
        boolean present = python != null && !python.isBlank() && Files.isExecutable(Path.of(python));
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError("TASKGRAPH_TEST_PYTHON must name a Python with polars and pandas in CI");
        }
        assumeTrue(present, "set TASKGRAPH_TEST_PYTHON to a Python with polars and pandas");
        return python;
    }
}
