package io.taskgraph.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpellingTest {
    private static final List<String> COMMANDS = List.of("init", "run", "rerun", "show", "extract-spec", "serve",
            "completion");

    @Test
    void aLetterLeftOutAddedChangedOrSwappedFindsTheName() {
        assertEquals(Optional.of("run"), Spelling.closest("rn", COMMANDS));
        assertEquals(Optional.of("run"), Spelling.closest("runn", COMMANDS));
        assertEquals(Optional.of("show"), Spelling.closest("shwo", COMMANDS));
        assertEquals(Optional.of("serve"), Spelling.closest("serv", COMMANDS));
        assertEquals(Optional.of("orders"), Spelling.closest("ordrs", List.of("customers", "orders")));
    }

    @Test
    void optionsCompareByTheirWordsWhateverTheDashes() {
        List<String> options = List.of("-o", "--output", "-s", "--spec", "--model", "--max-iterations");
        assertEquals(Optional.of("--output"), Spelling.closest("--outptu", options));
        assertEquals(Optional.of("--model"), Spelling.closest("-modle", options));
        assertEquals(Optional.of("--max-iterations"), Spelling.closest("--max-iteration", options));
    }

    @Test
    void aStartOfTwoLettersOrMoreSuggestsEveryNameItStarts() {
        assertEquals(List.of("--max-iterations", "--max-idle-turns"),
                Spelling.close("--max", List.of("--model", "--max-iterations", "--max-idle-turns")));
    }

    @Test
    void farOffWordsAndExactNamesSuggestNothing() {
        assertEquals(List.of(), Spelling.close("deploy", COMMANDS));
        assertEquals(List.of(), Spelling.close("x", COMMANDS));
        assertEquals(List.of(), Spelling.close("rerun", COMMANDS), "rerun is a name, not a slip of run");
        assertEquals(List.of(), Spelling.close("", COMMANDS));
    }

    @Test
    void theSentenceListsUpToThreeNames() {
        assertEquals(Optional.of("did you mean 'run'?"), Spelling.didYouMean("rn", COMMANDS));
        assertEquals(Optional.of("did you mean 'rerun' or 'run'?"), Spelling.didYouMean("reun", List.of("rerun", "run")));
        assertEquals(Optional.empty(), Spelling.didYouMean("zzz", COMMANDS));
    }

    @Test
    void slipsCountsASwapOfNeighboursAsOne() {
        assertEquals(1, Spelling.slips("outptu", "output"));
        assertEquals(3, Spelling.slips("abc", "xyz"));
        assertEquals(0, Spelling.slips("same", "same"));
    }
}
