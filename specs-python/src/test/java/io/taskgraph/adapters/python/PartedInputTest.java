package io.taskgraph.adapters.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.data.RemainingParts;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input of more rows than one part (122,880) is handed over while the bridge still writes it: the reply names
 * the first part, and each later part follows as soon as its file is complete.
 */
class PartedInputTest {
    private static final int ROWS = 300_000;

    @TempDir
    Path app;
    @TempDir
    Path scratch;
    private SpecSession session;
    private final DuckDbReader db = new DuckDbReader();

    @BeforeEach
    void open() {
        PythonFixtures.copyTo(app);
        session = PythonFixtures.loader(line -> { }).open(SpecRequest.of("ingest.parted", app));
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    private static List<Path> later(RemainingParts remaining) {
        List<Path> parts = new ArrayList<>();
        for (Optional<Path> part = remaining.next(); part.isPresent(); part = remaining.next()) {
            parts.add(part.get());
        }
        return parts;
    }

    @Test
    void aLargeInputArrivesInPartsOfOneRowGroupEachThatTogetherHoldEveryRowInOrder() {
        TableSource source = session.materialize("big", scratch);
        assertEquals(SourceFormat.PARQUET, source.format());
        List<Path> parts = new ArrayList<>(List.of(source.file()));
        parts.addAll(later(source.remaining()));

        assertEquals(List.of("big.part1.parquet", "big.part2.parquet", "big.part3.parquet"),
                parts.stream().map(p -> p.getFileName().toString()).toList());
        List<Long> rowGroups = new ArrayList<>();
        for (Path part : parts) {
            db.query("SELECT row_group_num_rows FROM parquet_metadata('" + part + "') WHERE column_id = 0").rows()
                    .forEach(row -> rowGroups.add((Long) row.get(0)));
        }
        assertEquals(List.of(122_880L, 122_880L, 54_240L), rowGroups);
        assertEquals(Optional.empty(), source.remaining().next(), "no part after the last");

        TableSource whole = new TableSource(parts.get(0), source.format(), source.columns(), source.sheet(),
                source.origin(), listOf(parts.subList(1, parts.size())));
        assertEquals(ROWS, db.ingest("big", whole));
        assertEquals(List.of(Arrays.asList((long) ROWS, 0L, (long) ROWS / 7, "name_300000")),
                db.query("SELECT count(*), count(*) FILTER (WHERE _row_id <> id), count(*) FILTER (WHERE score IS NULL), "
                        + "max_by(name, _row_id) FROM big").rows());
    }

    @Test
    void partsLeftUnreadAreSkippedAndTheNextInputArrivesWhole() {
        TableSource unread = session.materialize("big", scratch.resolve("first"));

        TableSource small = session.materialize("small", scratch.resolve("second"));
        assertEquals(RemainingParts.NONE, small.remaining());
        assertEquals(3, db.ingest("small", small));
        assertEquals(List.of(List.of("1", "1", "one"), List.of("3", "3", "three")),
                db.query("SELECT _row_id::VARCHAR, id::VARCHAR, name FROM small WHERE id <> 2 ORDER BY _row_id").rows());
        assertEquals(Optional.empty(), unread.remaining().next(), "the skipped input's parts are gone");

        TableSource again = session.materialize("big", scratch.resolve("third"));
        assertEquals(ROWS, db.ingest("big", again));
    }

    @Test
    void aPartThatCannotBeWrittenIsASpecErrorNamingTheInputTheRowsAndTheFile() throws IOException {
        Path blocked = Files.createDirectories(scratch.resolve("big.part2.parquet"));

        TableSource source = session.materialize("big", scratch);
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> source.remaining().next());

        assertEquals("Input 'big': writing its rows 122881-245760 for DuckDB to " + blocked + " failed: Is a directory.",
                e.getMessage());
        assertEquals(Optional.empty(), source.remaining().next(), "no part follows a failed one");
        TableSource small = session.materialize("small", scratch.resolve("after"));
        assertEquals(3, db.ingest("small", small), "the bridge goes on serving after the failure");
    }

    private static RemainingParts listOf(List<Path> parts) {
        var iterator = parts.iterator();
        return () -> iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }
}
