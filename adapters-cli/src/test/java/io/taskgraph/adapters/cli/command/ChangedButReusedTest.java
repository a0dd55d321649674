package io.taskgraph.adapters.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskgraph.adapters.cli.progress.Style;
import io.taskgraph.adapters.cli.rerun.RerunCommandLine;
import io.taskgraph.domain.event.RunEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangedButReusedTest {
    private static String printed(ChangedButReused changed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        changed.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reusedTasksWhoseDefinitionChangedAreListedInSpecOrderWithTheCommandThatRunsThemAgain() {
        ChangedButReused changed = new ChangedButReused(new RerunCommandLine("jan.db", "feb.db", Optional.empty(),
                Optional.empty()), Style.plain());
        Map<String, List<String>> tasks = new LinkedHashMap<>();
        List.of("prep", "sales", "costs", "report").forEach(t -> tasks.put(t, List.of()));
        changed.on(new RunEvent.RunStarted("m", Path.of("feb.db"), "model", tasks, false));
        changed.on(new RunEvent.TaskReused("report", List.of("validate_sql")));
        changed.on(new RunEvent.TaskReused("prep", List.of()));
        changed.on(new RunEvent.TaskReused("sales", List.of("prompt", "repair")));

        assertEquals("""

                Reused although their definition changed since their views were built (the views still pass validation):
                  sales   prompt and repair changed; run it again: taskgraph rerun jan.db -o feb.db -f --select sales
                  report  validate_sql changed; run it again: taskgraph rerun jan.db -o feb.db -f --select report
                  or run every changed task again: taskgraph rerun jan.db -o feb.db -f --mode changed
                """, printed(changed));
    }

    @Test
    void nothingIsPrintedWhenNoReusedTaskChanged() {
        ChangedButReused changed = new ChangedButReused(new RerunCommandLine("a.db", "b.db", Optional.empty(),
                Optional.empty()), Style.plain());
        changed.on(new RunEvent.TaskReused("prep", List.of()));
        assertEquals("", printed(changed));
    }
}
