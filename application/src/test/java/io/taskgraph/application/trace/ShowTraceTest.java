package io.taskgraph.application.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.inspect.TraceEntry;
import io.taskgraph.application.testing.Diamond;
import io.taskgraph.application.testing.RunFixture;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.testing.Turn;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ShowTraceTest {
    @TempDir
    Path dir;

    private RunFixture f;
    private ShowTrace trace;

    @BeforeEach
    void diamondRunWithOneMistake() {
        Map<String, List<Turn>> script = new LinkedHashMap<>(Diamond.script());
        script.put("sales", List.of(Turn.sql("SELECT nope FROM prepared_sales"), Turn.sql(Diamond.SALES),
                Turn.answer("done")));
        f = new RunFixture(dir).module(Diamond.spec().build()).script(script);
        f.run(Diamond.MODULE, "out.db");
        trace = new ShowTrace(f.engine);
    }

    private TraceListing show(List<String> tasks, boolean failedOnly) {
        return trace.show(new TraceRequest(f.path("out.db"), tasks, failedOnly));
    }

    @Test
    void everyStatementInTheOrderItRanWithWhatItDid() {
        TraceListing all = show(List.of(), false);

        assertEquals(7, all.entries().size(), all.entries().toString());
        assertEquals(7, all.totalStatements());
        assertEquals(1, all.failed());
        List<Long> ids = all.entries().stream().map(TraceEntry::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids, "in the order they ran");
        TraceEntry first = all.entries().get(0);
        assertEquals("prep", first.task());
        assertEquals("SELECT DISTINCT kind FROM transactions", first.statement());
        assertTrue(first.ok());
        assertEquals(2, first.rowCount().orElseThrow());
        assertTrue(first.timestamp().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}"), first.timestamp());
    }

    @Test
    void filtersByTaskAndByFailure() {
        TraceListing sales = show(List.of("sales"), false);
        assertEquals(List.of("SELECT nope FROM prepared_sales", Diamond.SALES),
                sales.entries().stream().map(TraceEntry::statement).toList());
        assertEquals(7, sales.totalStatements());

        TraceListing failed = show(List.of(), true);
        assertEquals(1, failed.entries().size());
        TraceEntry error = failed.entries().get(0);
        assertFalse(error.ok());
        assertTrue(error.error().orElseThrow().contains("nope"), error.toString());

        assertEquals(List.of(), show(List.of("prep"), true).entries());
        assertEquals(4, show(List.of("prep", "report"), false).entries().size(), "prep 3 + report 1");
    }

    @Test
    void anUnknownTaskIsAnErrorListingTheTasks() {
        UsageException unknown = assertThrows(UsageException.class, () -> show(List.of("sale"), false));
        assertTrue(unknown.getMessage().contains("No task named 'sale'"), unknown.getMessage());
        assertTrue(unknown.getMessage().endsWith("Its tasks: prep, sales, costs, report."), unknown.getMessage());
    }
}
