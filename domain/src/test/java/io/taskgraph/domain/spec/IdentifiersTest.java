package io.taskgraph.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"sales", "_tmp", "Sales_2024", "a", "user", "date", "summary", "values", "type"})
    void plainNamesAndUnreservedKeywordsAreSafe(String name) {
        assertTrue(Identifiers.isSafe(name));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1abc", "a-b", "a b", "a.b", "\"quoted\"", "ünïcode", "select", "ORDER", "Left", "join"})
    void otherNamesAreNotSafe(String name) {
        assertFalse(Identifiers.isSafe(name));
    }

    @Test
    void spellingIgnoresKeywordsButNotCharacters() {
        assertTrue(Identifiers.spellingProblem("summarize").isEmpty());
        assertFalse(Identifiers.spellingProblem("a-b").isEmpty());
        assertFalse(Identifiers.spellingProblem("x".repeat(64)).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(ints = {63, 64})
    void namesUpTo63CharactersAreSafe(int length) {
        assertEquals(length <= Identifiers.MAX_LENGTH, Identifiers.isSafe("a".repeat(length)));
    }
}
