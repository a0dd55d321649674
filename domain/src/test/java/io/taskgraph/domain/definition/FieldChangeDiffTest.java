package io.taskgraph.domain.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FieldChangeDiffTest {
    private static Optional<List<String>> diff(String field, String before, String after, int maxLines, int width) {
        return new FieldChange(field, before, after).diff(maxLines, width);
    }

    @Test
    void aRewordedOneLinePromptShowsBothVersions() {
        assertEquals(Optional.of(List.of("- Total costs.", "+ Total all costs.")),
                diff("prompt", "Total costs.", "Total all costs.", 6, 100));
    }

    @Test
    void unchangedLinesFarFromTheChangeAreLeftOut() {
        String before = "Line one.\nLine two.\nLine three.\nLine four.\nLine five.";
        String after = "Line one.\nLine two.\nLine three.\nLine 4.\nLine five.";
        assertEquals(Optional.of(List.of("  …", "  Line three.", "- Line four.", "+ Line 4.", "  Line five.")),
                diff("prompt", before, after, 6, 100));
    }

    @Test
    void aWideLineIsCutAroundWhatChanged() {
        String shared = "Sum the revenue of every sale in the month per product category and region, ";
        Optional<List<String>> lines = diff("prompt", shared + "rounded to cents.", shared + "rounded to euros.", 6, 40);
        assertEquals(Optional.of(List.of("- …rounded to cents.", "+ …rounded to euros.")), lines);
    }

    @Test
    void aDiffLongerThanAllowedIsNotShown() {
        String before = "a\nb\nc\nd\ne";
        String after = "1\n2\n3\n4\n5";
        assertEquals(Optional.empty(), diff("prompt", before, after, 6, 100));
        assertEquals(10, diff("prompt", before, after, 10, 100).orElseThrow().size());
    }

    @Test
    void addingTheFirstCheckShowsOnlyAdditions() {
        assertEquals(Optional.of(List.of("+ SELECT 1 WHERE false")), diff("validate_sql", "", "SELECT 1 WHERE false", 6, 100));
    }

    @Test
    void fieldsThatAreNotTextGetNoDiff() {
        assertEquals(Optional.empty(), diff("repair", "false", "true", 6, 100));
        assertEquals(Optional.empty(), diff("inputs", "[a]", "[a, b]", 6, 100));
    }
}
