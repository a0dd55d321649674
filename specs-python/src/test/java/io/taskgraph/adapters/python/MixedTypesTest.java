package io.taskgraph.adapters.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column whose values are of several Python types gets one SQL type; every mixture that turns values into
 * text or changes them is reported while the input is materialised, naming the input, the column, the types and
 * the first row (counted from 1, as {@code _row_id}) that differs. Mixtures that keep every value say nothing.
 */
class MixedTypesTest {
    @TempDir
    static Path app;
    @TempDir
    Path scratch;

    private static SpecSession session;
    private final DuckDbReader db = new DuckDbReader();
    private final List<String> warnings = new ArrayList<>();

    @BeforeAll
    static void open() {
        PythonFixtures.copyTo(app);
        session = PythonFixtures.loader(line -> { }).open(SpecRequest.of("ingest.mixtures", app));
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    private TableSource ingest(String input) {
        TableSource source = session.materialize(input, scratch, warnings::add);
        db.ingest(input, source);
        return source;
    }

    private List<Object> column(String sql) {
        return db.query(sql).rows().stream().map(r -> r.get(0)).toList();
    }

    @Test
    void intsAndStringsBecomeTextAndTheWarningNamesTheFirstRowThatDiffers() {
        assertEquals(List.of(new Column("code", "VARCHAR")), ingest("codes").columns());
        assertEquals(Arrays.asList("1", "2", null, "A7", "5"), column("SELECT code FROM codes ORDER BY _row_id"));
        assertEquals(List.of("Input 'codes', column 'code' mixes int and str values; stored as VARCHAR (text). Row 1 "
                + "holds an int (1); row 4 is the first to differ: a str ('A7'). Fix the loader if the column should "
                + "hold one type."), warnings);
    }

    @Test
    void aTypeFirstSeenFarIntoTheRowsStillDecidesTheColumnsType() {
        assertEquals(List.of(new Column("code", "VARCHAR")), ingest("late_codes").columns());
        assertEquals(List.of("Input 'late_codes', column 'code' mixes int and str values; stored as VARCHAR (text). "
                + "Row 1 holds an int (0); row 2501 is the first to differ: a str ('Z9'). Fix the loader if the column "
                + "should hold one type."), warnings);
        assertEquals(List.of("Z9", "2501"), column("SELECT code FROM late_codes WHERE _row_id IN (2501, 2502) ORDER BY _row_id"));
    }

    @Test
    void aDictOfColumnsCountsRowsTheSameWay() {
        ingest("code_columns");
        assertEquals(List.of("Input 'code_columns', column 'code' mixes int and str values; stored as VARCHAR (text). "
                + "Row 1 holds an int (10); row 2 is the first to differ: a str ('B2'). Fix the loader if the column "
                + "should hold one type."), warnings);
        assertEquals(List.of("B2"), column("SELECT code FROM code_columns WHERE _row_id = 2"));
    }

    @Test
    void boolsAmongIntsBecomeOneAndZeroWithAWarning() {
        assertEquals(List.of(new Column("flag", "BIGINT")), ingest("flags").columns());
        assertEquals(List.of(0L, 1L, 1L), column("SELECT flag FROM flags ORDER BY _row_id"));
        assertEquals(List.of("Input 'flags', column 'flag' mixes bool and int values; stored as BIGINT (True=1, "
                + "False=0). Row 1 holds an int (0); row 2 is the first to differ: a bool (True)."), warnings);
    }

    @Test
    void anIntegerTooLargeForADoubleAmongFloatsIsNamedWithWhatItBecomes() {
        assertEquals(List.of(new Column("value", "DOUBLE")), ingest("measurements").columns());
        assertEquals(List.of("Input 'measurements', column 'value' mixes int and float values; stored as DOUBLE, which "
                + "holds integers exactly only up to 2**53: row 2 holds 9007199254740993, stored as "
                + "9007199254740992.0. Make the column all int (or all float) in the loader."), warnings);
    }

    @Test
    void decimalsAmongFloatsLoseExactnessWithAWarning() {
        assertEquals(List.of(new Column("rate", "DOUBLE")), ingest("rates").columns());
        assertEquals(List.of("Input 'rates', column 'rate' mixes Decimal and float values; stored as DOUBLE, so "
                + "Decimals lose their exact value. Row 1 holds a float (1.5); row 2 is the first to differ: a Decimal "
                + "(Decimal('0.10')). Make them all Decimal (or all float) in the loader."), warnings);
    }

    @Test
    void datetimesWithAndWithoutATimeZoneBecomeTextWithAWarning() {
        assertEquals(List.of(new Column("at", "VARCHAR")), ingest("stamps").columns());
        assertEquals(List.of("2026-01-01 09:00:00", "2026-01-01 09:00:00+00:00"),
                column("SELECT \"at\" FROM stamps ORDER BY _row_id"));
        assertEquals(List.of("Input 'stamps', column 'at' mixes datetimes with and without a time zone; stored as "
                + "VARCHAR (text). Row 1 holds 2026-01-01 09:00:00; row 2 is the first to differ: 2026-01-01 "
                + "09:00:00+00:00. Give every value a time zone, or none, in the loader."), warnings);
    }

    @Test
    void wideningThatKeepsEveryValueSaysNothing() {
        assertEquals(List.of(new Column("n", "DOUBLE")), ingest("amounts").columns());
        assertEquals(Arrays.asList(1.0, 2.5, null), column("SELECT n FROM amounts ORDER BY _row_id"));
        assertEquals(List.of(new Column("price", "DECIMAL(4,2)")), ingest("prices").columns());
        assertEquals(List.of(new BigDecimal("0.00"), new BigDecimal("12.50")),
                column("SELECT price FROM prices ORDER BY _row_id"));
        assertEquals(List.of(new Column("day", "TIMESTAMP")), ingest("days").columns());
        assertEquals(List.of("2026-01-02 00:00:00", "2026-01-03 04:05:00"),
                column("SELECT CAST(day AS VARCHAR) FROM days ORDER BY _row_id"));
        assertEquals(List.of(), warnings);
    }
}
