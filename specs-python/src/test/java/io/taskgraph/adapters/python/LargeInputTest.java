package io.taskgraph.adapters.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A million-row list[dict] input crosses into DuckDB without passing through the Java heap: surefire runs
 * this class alone in a JVM with -Xmx48m (see the "large-input-with-small-heap" execution in the pom).
 */
@Tag("large-input")
class LargeInputTest {
    @TempDir
    Path app;
    @TempDir
    Path scratch;

    @Test
    void aMillionRowsIngestWithASmallJavaHeap() {
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertTrue(maxHeap <= 64L << 20, "this test must run with a small heap, not " + (maxHeap >> 20) + " MB");
        PythonFixtures.copyTo(app);
        try (SpecSession session = PythonFixtures.loader(line -> { }).open(SpecRequest.of("ingest.large", app));
             DuckDbReader db = new DuckDbReader()) {
            TableSource source = session.materialize("big", scratch);
            assertEquals(SourceFormat.PARQUET, source.format());
            assertEquals(1_000_000L, db.ingest("big", source));
            // Row groups of exactly DuckDB's own size (122,880 rows), one per part, are written whole by its insert;
            // other sizes leave partial groups for the final CHECKPOINT to merge (see BENCHMARKS.md, round 4).
            assertEquals(List.of(Arrays.asList(9L, 16_960L, 122_880L)),
                    db.query("SELECT count(*), min(row_group_num_rows), max(row_group_num_rows) FROM (SELECT DISTINCT "
                            + "file_name, row_group_id, row_group_num_rows FROM parquet_metadata('"
                            + scratch.resolve("big.part*.parquet").toString().replace("'", "''") + "'))").rows());
            assertEquals(List.of(Arrays.asList(1_000_000L, 999_999L, 499_999_500_000L, 333_334L, "name_999999")),
                    db.query("SELECT count(*), max(id), CAST(sum(id) AS BIGINT), count(*) FILTER (WHERE active), "
                            + "max_by(name, _row_id) FROM big").rows());
            assertEquals(List.of(Arrays.asList(123_457, 123_456L, "name_123456", 154_320.0, true, "a", 72L)),
                    db.query("SELECT * FROM big WHERE _row_id = 123457").rows().stream()
                            .map(r -> Arrays.asList(((Number) r.get(0)).intValue(), r.get(1), r.get(2), r.get(3),
                                    r.get(4), r.get(5), r.get(6))).toList());
        }
    }
}
