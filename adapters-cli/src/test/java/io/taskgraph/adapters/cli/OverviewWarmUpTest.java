package io.taskgraph.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.show.OverviewFormat;
import io.taskgraph.application.show.SpecOverview;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-up of a cold show runs the whole renderer on its sample and leaves no trace. */
class OverviewWarmUpTest {
    @Test
    void theSampleIsAValidSpecWithLayersChecksAndExports() {
        SpecOverview overview = OverviewWarmUp.sampleOverview();
        assertTrue(overview.valid(), overview.problems().toString());
        assertEquals(List.of(List.of("clean"), List.of("total")), overview.layers());
        String text = OverviewFormat.TEXT.render(overview);
        assertTrue(text.contains("1 SQL check"), text);
        assertTrue(text.contains("totals.csv"), text);
    }

    @Test
    void warmingUpPrintsNothingInAnyFormatNorForAFormatShowDoesNotKnow() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            for (OverviewFormat format : OverviewFormat.values()) {
                OverviewWarmUp.run(format.label());
            }
            OverviewWarmUp.run("yaml");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("", printed.toString(StandardCharsets.UTF_8));
    }
}
