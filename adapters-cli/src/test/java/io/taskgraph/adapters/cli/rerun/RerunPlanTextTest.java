package io.taskgraph.adapters.cli.rerun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskgraph.adapters.cli.progress.Style;
import io.taskgraph.application.rerun.ChangedInputFile;
import io.taskgraph.application.rerun.PlannedTask;
import io.taskgraph.application.rerun.PlannedTask.Action;
import io.taskgraph.application.rerun.RerunMode;
import io.taskgraph.application.rerun.RerunPlan;
import io.taskgraph.application.rerun.SpecComparison;
import io.taskgraph.domain.definition.DefinitionComparison;
import io.taskgraph.domain.definition.FieldChange;
import io.taskgraph.domain.graph.TaskSelection;
import io.taskgraph.domain.spec.TaskKind;
import io.taskgraph.domain.validation.ValidationReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dry run's text for the cases the end-to-end tests do not reach: refused, blocked and long changes. */
class RerunPlanTextTest {
    private static final DefinitionComparison UNCHANGED =
            new DefinitionComparison(DefinitionComparison.Basis.DEFINITION, List.of());

    private static PlannedTask task(String name, Action action, String why, DefinitionComparison definition,
                                    List<String> after) {
        return new PlannedTask(name, TaskKind.AGENT, action, why, false, action == Action.REFUSE, definition,
                ValidationReport.PASSED, after);
    }

    @Test
    void aSelectionThatLeavesATaskFailingSaysSoAndWhatItBlocks() {
        String longPrompt = String.join("\n", List.of("one", "two", "three", "four", "five", "six", "seven", "eight"));
        RerunPlan plan = new RerunPlan(Path.of("/data/monthly/jan.db"), "my_app.specs.jan", false,
                new SpecComparison(SpecComparison.State.OTHER_MODULE, "given instead of the recorded my_app.specs.old"),
                true, List.of(new ChangedInputFile("rates", Path.of("/data/monthly/rates.csv"), "it no longer exists")),
                RerunMode.VALIDATE, TaskSelection.parse(List.of("costs")), "test/model",
                List.of(task("sales", Action.REFUSE, "validation failed: revenue should be 99, not 21.75", UNCHANGED,
                                List.of()),
                        task("costs", Action.RUN, "selected", new DefinitionComparison(
                                DefinitionComparison.Basis.DEFINITION, List.of(
                                        new FieldChange(FieldChange.PROMPT, longPrompt, longPrompt.toUpperCase()),
                                        new FieldChange(FieldChange.REPAIR, "false", "true"))), List.of()),
                        task("report", Action.BLOCKED, "upstream sales is left failing", UNCHANGED, List.of()),
                        task("audit", Action.CHECK, "validation failed: no rows", UNCHANGED, List.of("costs", "sales"))),
                List.of("Input 'rates' has no rows"));
        String text = new RerunPlanText(Style.plain(), new RerunCommandLine("jan.db", "feb.db",
                Optional.of("my_app.specs.jan"), Optional.of(true)), Path.of("/data/monthly")).render(plan,
                "feb.db exists: the rerun replaces it only with -f (or when you confirm at a terminal)");

        assertEquals("""
                Plan for taskgraph rerun jan.db -o feb.db (mode validate, --select costs): nothing was written and no model was called.
                  spec    my_app.specs.jan: given instead of the recorded my_app.specs.old
                  data    re-ingested from the spec's inputs
                          input 'rates' file rates.csv changed on disk since it was recorded (it no longer exists); pass --reingest to use it
                  model   test/model
                  output  feb.db exists: the rerun replaces it only with -f (or when you confirm at a terminal)
                  warning: Input 'rates' has no rows

                  sales   fails    not selected, so left failing: validation failed: revenue should be 99, not 21.75
                  costs   run      selected; prompt and repair changed since its views were built
                                   prompt: (too long to show here; compare the spec with taskgraph extract-spec)
                                   repair: false -> true
                  report  blocked  upstream sales is left failing
                  audit   check    validated again once costs and sales have run; runs again only if a check then fails (now: validation failed: no rows)

                Tasks: 1 run again (costs), 1 checked again (audit), 1 left failing (sales), 1 blocked (report).
                """, text);
    }

    @Test
    void theRerunCommandKeepsTheSpecAndDataFlagsAsTyped() {
        RerunCommandLine line = new RerunCommandLine("runs/jan 2026.db", "feb.db", Optional.of("my_app.specs.feb"),
                Optional.of(false));
        assertEquals("taskgraph rerun 'runs/jan 2026.db' -o feb.db --spec my_app.specs.feb --no-reingest -f "
                + "--select costs,sales", line.selecting(List.of("costs", "sales"), true));
        assertEquals("taskgraph rerun 'runs/jan 2026.db' -o feb.db --spec my_app.specs.feb --no-reingest --mode changed",
                line.changedMode(false));
    }
}
