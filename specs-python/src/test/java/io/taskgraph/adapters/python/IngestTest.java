package io.taskgraph.adapters.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Python values cross into DuckDB with the declared types, read exactly as the engine reads the files. */
class IngestTest {
    @TempDir
    static Path app;
    @TempDir
    Path scratch;

    private static SpecSession types;
    private static SpecSession failures;
    private final DuckDbReader db = new DuckDbReader();

    @BeforeAll
    static void open() {
        PythonFixtures.copyTo(app);
        PythonSpecLoader loader = PythonFixtures.loader(line -> { });
        types = loader.open(SpecRequest.of("ingest.types", app));
        failures = loader.open(SpecRequest.of("ingest.failures", app));
    }

    @AfterAll
    static void close() {
        types.close();
        failures.close();
    }

    private TableSource ingest(SpecSession session, String input) {
        TableSource source = session.materialize(input, scratch);
        db.ingest(input, source);
        return source;
    }

    private List<Object> row(String sql) {
        return db.query(sql).rows().get(0);
    }

    @Test
    void everyPythonTypeArrivesWithItsDuckDbType() {
        TableSource source = ingest(types, "all_types");
        assertEquals(SourceFormat.COLUMNAR_NDJSON, source.format());
        assertEquals("callable all_types", source.origin());
        List<Column> expected = List.of(
                new Column("i", "BIGINT"), new Column("f", "DOUBLE"), new Column("b", "BOOLEAN"),
                new Column("s", "VARCHAR"), new Column("d", "DATE"), new Column("ts", "TIMESTAMP"),
                new Column("dec", "DECIMAL(10,3)"), new Column("n", "VARCHAR"), new Column("mixed_num", "DOUBLE"),
                new Column("tags", "VARCHAR[]"), new Column("scores", "BIGINT[]"), new Column("meta", "JSON"),
                new Column("text", "VARCHAR"), new Column("big", "HUGEINT"), new Column("tz", "TIMESTAMP WITH TIME ZONE"),
                new Column("t", "TIME"), new Column("u", "UUID"));
        assertEquals(expected.stream().map(c -> c.sqlType().equals("TIMESTAMP WITH TIME ZONE")
                ? new Column(c.name(), "TIMESTAMPTZ") : c).toList(), source.columns());
        List<Column> table = db.columns("all_types");
        assertEquals(new Column("_row_id", "INTEGER"), table.get(0));
        assertEquals(expected, table.subList(1, table.size()));
    }

    @Test
    void valuesRoundTripExactly() {
        ingest(types, "all_types");
        db.execute("SET TimeZone = 'UTC'");
        assertEquals(Arrays.asList(1L, 1L, 1.5, true, "plain", "2026-01-31", "2026-01-31 12:30:45.123456", "12.500",
                        null, 1.0, List.of("a", "b"), List.of(1L, 2L, 3L), "{\"k\":\"v\",\"n\":1}",
                        "quote \" backslash \\ newline \n tab \t unicode é ✓", "1180591620717411303424",
                        "2026-01-31 10:00:00+00", "08:15:00", "12345678-1234-5678-1234-567812345678"),
                row("SELECT _row_id, i, f, b, s, CAST(d AS VARCHAR), CAST(ts AS VARCHAR), CAST(dec AS VARCHAR), n, "
                        + "mixed_num, tags, scores, CAST(meta AS VARCHAR), text, CAST(big AS VARCHAR), "
                        + "CAST(tz AS VARCHAR), CAST(t AS VARCHAR), CAST(u AS VARCHAR) FROM all_types WHERE _row_id = 1"));
        assertEquals(Arrays.asList(2L, null, null, false, null, null, null, "-1234567.125", 2.25, List.of(), null,
                        null, "", "-1", null),
                row("SELECT _row_id, i, f, b, s, d, ts, CAST(dec AS VARCHAR), mixed_num, tags, scores, meta, text, "
                        + "CAST(big AS VARCHAR), tz FROM all_types WHERE _row_id = 2"));
    }

    @Test
    void commonTypesAreWrittenAsParquetByTheBridgeItself() {
        TableSource source = ingest(types, "parquet_types");
        assertEquals(SourceFormat.PARQUET, source.format());
        List<Column> expected = List.of(new Column("i", "BIGINT"), new Column("f", "DOUBLE"),
                new Column("b", "BOOLEAN"), new Column("s", "VARCHAR"), new Column("d", "DATE"),
                new Column("ts", "TIMESTAMP"), new Column("tz", "TIMESTAMPTZ"));
        assertEquals(expected, source.columns());
        List<Column> table = db.columns("parquet_types");
        assertEquals("TIMESTAMP WITH TIME ZONE", table.get(7).sqlType());
        assertEquals(expected.subList(0, 6), table.subList(1, 7));
        db.execute("SET TimeZone = 'UTC'");
        assertEquals(List.of(
                Arrays.asList("-9223372036854775808", "-0.0", "true", "é✓ — naïve", "1900-03-01",
                        "1969-12-31 23:59:59.999999", "2026-05-31 22:00:00+00"),
                Arrays.asList(null, null, null, null, null, null, null),
                Arrays.asList("9223372036854775807", "1e+300", "false", "", "2262-04-11", "2026-01-31 00:00:00", null)),
                db.query("SELECT CAST(i AS VARCHAR), CAST(f AS VARCHAR), CAST(b AS VARCHAR), s, CAST(d AS VARCHAR), "
                        + "CAST(ts AS VARCHAR), CAST(tz AS VARCHAR) FROM parquet_types ORDER BY _row_id").rows());
    }

    @Test
    void parquetRowGroupsKeepOrderNullsAndMultiByteText() {
        ingest(types, "many_groups");
        assertEquals(List.of(Arrays.asList(300_000L, 42_858L, 27_273L, 23_077L, 0L)), db.query(
                "SELECT count(*), count(*) FILTER (WHERE n IS NULL), count(*) FILTER (WHERE s LIKE 'ü%'), "
                        + "count(*) FILTER (WHERE flag IS NULL), count(*) FILTER (WHERE n IS NOT NULL AND "
                        + "(n <> _row_id - 1 OR flag <> (n % 2 = 0) OR s <> (CASE WHEN n % 11 = 0 THEN 'ü' ELSE 's' END "
                        + "|| n))) FROM many_groups").rows());
    }

    @Test
    void multiByteTextFirstSeenFarIntoARowGroupKeepsEveryString() {
        TableSource source = ingest(types, "late_non_ascii");
        assertEquals(SourceFormat.PARQUET, source.format());
        assertEquals(List.of(Arrays.asList(3000L, 0L, "ü✓ naïve")), db.query("SELECT count(*), count(*) FILTER "
                + "(WHERE _row_id <> 2501 AND s <> 's' || (_row_id - 1)), max(s) FILTER (WHERE _row_id = 2501) "
                + "FROM late_non_ascii").rows());
    }

    @Test
    void columnarLinesAreSplitToStayWithinTheReadersDefaultObjectSize() throws Exception {
        TableSource source = ingest(types, "wide_text");
        assertEquals(SourceFormat.COLUMNAR_NDJSON, source.format());
        List<String> lines = java.nio.file.Files.readAllLines(source.file());
        assertTrue(lines.size() > 1, "split into " + lines.size() + " lines");
        assertTrue(lines.stream().allMatch(l -> l.length() <= 4 * 1024 * 1024), "every line within 4 Mi characters");
        assertEquals(List.of(Arrays.asList(64L, 200_000L, 200_000L, "63")), db.query("SELECT count(*), min(length(s)), "
                + "max(length(s)), CAST(max_by(dec, _row_id) AS VARCHAR) FROM wide_text").rows());
    }

    @Test
    void incompatibleMixedValuesBecomeTextWithAWarningFromMaterialize() {
        List<String> warnings = new ArrayList<>();
        TableSource source = types.materialize("mixed", scratch, warnings::add);
        db.ingest("mixed", source);
        assertEquals(List.of(new Column("x", "VARCHAR")), source.columns());
        assertEquals(Arrays.asList("1", "two", null),
                db.query("SELECT x FROM mixed ORDER BY _row_id").rows().stream().map(r -> r.get(0)).toList());
        assertEquals(List.of("Input 'mixed', column 'x' mixes int and str values; stored as VARCHAR (text). Row 1 holds "
                + "an int (1); row 2 is the first to differ: a str ('two'). Fix the loader if the column should hold "
                + "one type."), warnings);
        assertEquals(List.of(), types.warnings(), "the data's warnings are not the spec's");
    }

    @Test
    void rowsWithDifferentKeysGiveTheUnionInFirstSeenOrder() {
        ingest(types, "ragged");
        assertEquals(List.of("_row_id", "a", "b", "c"), db.columns("ragged").stream().map(Column::name).toList());
        assertEquals(List.of(Arrays.asList(1L, 1L, "x", null), Arrays.asList(2L, null, "y", true),
                Arrays.asList(3L, 3L, null, null)), db.query("SELECT * FROM ragged ORDER BY _row_id").rows());
    }

    @Test
    void keysThatDifferOnlyAfterTheFirstThousandRowsStillGiveTheUnion() {
        ingest(types, "ragged_late");
        assertEquals(List.of(new Column("_row_id", "INTEGER"), new Column("a", "BIGINT"), new Column("b", "VARCHAR"),
                new Column("c", "BOOLEAN")), db.columns("ragged_late"));
        assertEquals(List.of(Arrays.asList(2500L, 2499L, 0L)), db.query("SELECT count(*), count(a), "
                + "count(*) FILTER (WHERE a <> _row_id - 1) FROM ragged_late").rows());
        assertEquals(List.of(Arrays.asList(1501L, 1500L, "late", null), Arrays.asList(2201L, null, null, true)),
                db.query("SELECT * FROM ragged_late WHERE b IS NOT NULL OR c IS NOT NULL ORDER BY _row_id").rows());
    }

    /**
     * The bridge keeps the cyclic garbage collector away from a loader's rows while it writes them, and hands them
     * back once the input is ingested: cycles a loader leaves behind are still freed, so a session of many inputs
     * does not keep them all.
     */
    @Test
    void referenceCyclesALoaderLeavesAreCollectedOnceItsInputIsIngested() {
        SpecSession cycles = PythonFixtures.loader(line -> { }).open(SpecRequest.of("ingest.cycles", app));
        try {
            assertEquals(5000L, db.ingest("leaves_cycles", cycles.materialize("leaves_cycles", scratch)));
            db.ingest("freed_since", cycles.materialize("freed_since", scratch));
            assertEquals(List.of(List.of(3L)), db.query("SELECT freed FROM freed_since").rows());
        } finally {
            cycles.close();
        }
    }

    @Test
    void declaredColumnsComeFirstThenTheRestInFirstSeenOrderEachWithItsOwnType() {
        ingest(types, "ordered");
        assertEquals(List.of(new Column("_row_id", "INTEGER"), new Column("x", "DOUBLE"), new Column("y", "VARCHAR"),
                new Column("z", "BIGINT")), db.columns("ordered"));
        assertEquals(List.of(Arrays.asList(3.5, "two", 1L), Arrays.asList(6.5, "five", 4L)),
                db.query("SELECT x, y, z FROM ordered ORDER BY _row_id").rows());
    }

    @Test
    void aDictOfColumnsIsIngestedColumnWise() {
        TableSource source = ingest(types, "columns_form");
        assertEquals(List.of(new Column("name", "VARCHAR"), new Column("score", "DOUBLE")), source.columns());
        assertEquals(List.of(Arrays.asList(1L, "a", 1.0), Arrays.asList(2L, "b", null), Arrays.asList(3L, "c", 3.5)),
                db.query("SELECT * FROM columns_form ORDER BY _row_id").rows());
    }

    @Test
    void emptyDataWithDeclaredColumnsGivesAnEmptyTableOfTextColumns() {
        TableSource source = ingest(types, "empty_declared");
        assertEquals(List.of(new Column("id", "VARCHAR"), new Column("label", "VARCHAR")), source.columns());
        assertEquals(0L, row("SELECT count(*) FROM empty_declared").get(0));
    }

    @Test
    void nanAndInfinityStayDoubles() {
        ingest(types, "non_finite");
        assertEquals(List.of("nan", "inf", "-1.0"), db.query("SELECT CAST(v AS VARCHAR) FROM non_finite ORDER BY _row_id")
                .rows().stream().map(r -> r.get(0)).toList());
    }

    @Test
    void aLoaderThatRaisesIsReportedWithTheInputAndThePythonError() {
        assertEquals("Input 'explodes': its loader explodes() raised a FileNotFoundError: sales.xlsx is not in the "
                + "inbox (ingest/failures.py, line 3)", failure("explodes"));
    }

    @Test
    void aLoaderReturningSomethingElseNamesTheTypeAndWhatIsAccepted() {
        assertEquals("Input 'returns_number': its loader returned an int, which Taskgraph cannot ingest. Return a "
                + "list of dicts, a dict of column lists, or a polars or pandas DataFrame (inputs take a callable "
                + "returning data, a list of dicts, a dict of column lists, a polars or pandas DataFrame, or a path "
                + "to a .csv/.parquet/.json/.ndjson/.jsonl/.xlsx file).", failure("returns_number"));
    }

    @Test
    void aRowThatIsNotADictIsNamedByItsRowNumberCountedFromOne() {
        assertEquals("Input 'bad_row': row 2 is a list; every row must be a dict of column values.", failure("bad_row"));
    }

    @Test
    void aRowOfADictSubclassIsNamedAndTheFixSaid() {
        assertEquals("Input 'dict_subclass_row': row 3 is an OrderedDict, a dict subclass; every row must be a plain "
                + "dict of column values (dict(row) makes one).", failure("dict_subclass_row"));
    }

    @Test
    void aBadRowFarIntoTheDataIsNamedByItsRowNumber() {
        assertEquals("Input 'late_dict_subclass_row': row 2500 is a defaultdict, a dict subclass; every row must be a "
                + "plain dict of column values (dict(row) makes one).", failure("late_dict_subclass_row"));
        assertEquals("Input 'late_tuple_row': row 2000 is a tuple; every row must be a dict of column values.",
                failure("late_tuple_row"));
    }

    @Test
    void noRowsAndNoDeclaredColumnsIsAnError() {
        assertEquals("Input 'empty_undeclared' has no rows and no declared \"columns\", so its table would have no "
                + "columns. Give it data, or declare \"columns\" in the rich form {\"data\": ..., \"columns\": [...]}.",
                failure("empty_undeclared"));
    }

    @Test
    void columnsOfDifferentLengthsAreAnError() {
        assertEquals("Input 'uneven': columns have different lengths (a=3, b=2); every column needs one value per row.",
                failure("uneven"));
    }

    @Test
    void aMissingFileNamesTheInputAndWhereItLooked() {
        assertEquals("Input 'missing_file': file data/nowhere.csv not found (looked at "
                + app.toAbsolutePath().normalize().resolve("data/nowhere.csv") + ", relative to the working directory "
                + app.toAbsolutePath().normalize() + ").", failure("missing_file"));
    }

    private String failure(String input) {
        return assertThrows(InvalidSpecException.class, () -> failures.materialize(input, scratch)).getMessage();
    }
}
