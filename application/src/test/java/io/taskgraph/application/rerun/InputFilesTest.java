package io.taskgraph.application.rerun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.run.RunControl;
import io.taskgraph.application.run.RunOptions;
import io.taskgraph.application.testing.RunFixture;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.testing.InMemorySpec;
import io.taskgraph.domain.testing.ScriptedLlmClient;
import io.taskgraph.domain.testing.Turn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A rerun on recorded data says when a file an input was read from changed on disk since. */
@Timeout(60)
class InputFilesTest {
    private static final String MODULE = "rates.specs.main";
    private static final String JANUARY = "currency,rate\nEUR,1.00\nUSD,0.92\n";

    @TempDir
    Path dir;
    private RunFixture f;
    private Path csv;

    @BeforeEach
    void january() throws Exception {
        csv = Files.writeString(dir.resolve("rates.csv"), JANUARY);
        f = new RunFixture(dir).module(InMemorySpec.module(MODULE)
                .fileInput(new InputSpec("rates", List.of("currency", "rate"), List.of()), csv, SourceFormat.CSV)
                .task(TaskSpec.agent("latest", "Rates by currency.", List.of("rates"), List.of("latest_rates")))
                .build());
        f.llm.task("latest", Turn.sql("CREATE VIEW latest_rates AS SELECT currency, rate FROM rates"),
                Turn.answer("Done."));
        assertTrue(f.run(MODULE, "jan.db").succeeded());
        f.llm = ScriptedLlmClient.create();
        f.timed.clear();
    }

    @Test
    void theFileAnInputWasReadFromIsRecordedWithItsSizeTimeAndHash() throws Exception {
        Map<String, Object> recorded = Json.parseObject(f.workspaceMeta("jan.db").get("input_files"));
        @SuppressWarnings("unchecked")
        Map<String, Object> rates = (Map<String, Object>) recorded.get("rates");
        assertEquals(csv.toAbsolutePath().normalize().toString(), rates.get("path"));
        assertEquals((long) JANUARY.length(), ((Number) rates.get("size")).longValue());
        assertEquals(Files.getLastModifiedTime(csv).toInstant().toString(), rates.get("modified"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(csv))),
                rates.get("sha256"));
        assertEquals(csv.toAbsolutePath().normalize().toString(), f.rows("jan.db",
                "SELECT value->'rates'->>'path' FROM _workspace_meta WHERE key = 'input_files'").get(0).get(0));
    }

    @Test
    void aFileEditedSinceIsReportedAndTheRecordedRowsAreUsed() throws Exception {
        Files.writeString(csv, JANUARY + "GBP,1.17\n");
        assertTrue(f.rerun("jan.db", "feb.db", RerunMode.VALIDATE).succeeded());

        assertEquals(List.of(new RunEvent.InputFileChanged("rates", csv.toAbsolutePath().normalize(),
                "size " + JANUARY.length() + " -> " + (JANUARY.length() + 9) + " bytes")),
                f.events(RunEvent.InputFileChanged.class));
        assertEquals(List.of(new RunEvent.RerunData(dir.resolve("jan.db"), false)), f.events(RunEvent.RerunData.class));
        assertEquals(List.of(List.of(2L)), f.rows("feb.db", "SELECT count(*) FROM latest_rates"));
        RerunPlan plan = new PlanRerun(f.specs, f.workbooks, f.engine).plan(f.request("jan.db", "plan.db", RerunMode.VALIDATE));
        assertEquals(List.of(new ChangedInputFile("rates", csv.toAbsolutePath().normalize(),
                "size " + JANUARY.length() + " -> " + (JANUARY.length() + 9) + " bytes")), plan.changedFiles());
    }

    @Test
    void aFileTouchedButNotChangedIsNoChangeAndSameSizeEditsAreCaughtByTheHash() throws Exception {
        Files.setLastModifiedTime(csv, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        assertTrue(f.rerun("jan.db", "feb.db", RerunMode.VALIDATE).succeeded());
        assertEquals(List.of(), f.events(RunEvent.InputFileChanged.class));

        Files.writeString(csv, JANUARY.replace("0.92", "0.93"));
        Files.setLastModifiedTime(csv, FileTime.from(Instant.parse("2030-01-02T00:00:00Z")));
        assertTrue(f.rerun("jan.db", "feb2.db", RerunMode.VALIDATE).succeeded());
        RunEvent.InputFileChanged changed = f.events(RunEvent.InputFileChanged.class).get(0);
        assertTrue(changed.change().startsWith("its content changed (same size, modified 2030-01-02"), changed.change());
    }

    @Test
    void reingestingReadsTheFileAsItIsNowAndRecordsItAfresh() throws Exception {
        Files.writeString(csv, JANUARY + "GBP,1.17\n");
        assertTrue(f.rerun(new RerunRequest(dir.resolve("jan.db"), dir.resolve("feb.db"), false, Optional.empty(), dir,
                Map.of(), RerunMode.VALIDATE, true, false, Optional.empty(), RunOptions.defaults("unused")),
                new RunControl()).succeeded());

        assertEquals(List.of(), f.events(RunEvent.InputFileChanged.class));
        assertEquals(List.of(new RunEvent.RerunData(dir.resolve("jan.db"), true)), f.events(RunEvent.RerunData.class));
        assertEquals(List.of(List.of(3L)), f.rows("feb.db", "SELECT count(*) FROM latest_rates"));
        assertTrue(f.workspaceMeta("feb.db").get("input_files").contains("\"size\":" + (JANUARY.length() + 9)));
    }

    @Test
    void aFileThatIsGoneIsReported() throws Exception {
        Files.delete(csv);
        assertTrue(f.rerun("jan.db", "feb.db", RerunMode.VALIDATE).succeeded());
        assertEquals("it no longer exists", f.events(RunEvent.InputFileChanged.class).get(0).change());
    }
}
