package io.taskgraph.domain.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

    @Test
    void nestedDocumentRoundTrips() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("success", true);
        doc.put("columns", List.of("id", "name"));
        doc.put("rows", List.of(Arrays.asList(1L, "Alice"), Arrays.asList(2L, null)));
        doc.put("row_count", 2L);
        doc.put("ratio", 0.25);
        doc.put("nested", Map.of("empty", List.of()));
        String text = Json.write(doc);
        assertEquals("{\"success\":true,\"columns\":[\"id\",\"name\"],\"rows\":[[1,\"Alice\"],[2,null]],"
                + "\"row_count\":2,\"ratio\":0.25,\"nested\":{\"empty\":[]}}", text);
        assertEquals(doc, Json.parse(text));
    }

    @Test
    void parsedObjectsKeepKeyOrder() {
        assertEquals(List.of("z", "a", "m"), List.copyOf(Json.parseObject("{\"z\":1,\"a\":2,\"m\":3}").keySet()));
    }

    @Test
    void stringsEscapeQuotesBackslashesAndControlCharacters() {
        String tricky = "quote \" backslash \\ newline \n tab \t cr \r bell \u0007 unicode é 😀";
        String text = Json.quote(tricky);
        assertEquals("\"quote \\\" backslash \\\\ newline \\n tab \\t cr \\r bell \\u0007 unicode é 😀\"", text);
        assertEquals(tricky, Json.parse(text));
    }

    @Test
    void stringsWithAndWithoutEscapesReadBackWhereverTheNextBackslashIs() {
        // the parser remembers where the next backslash is; strings before, between and after escapes must not
        // borrow each other's text
        assertEquals(List.of("plain", "a\nb", "", "\"q\"", "after", "x\\y", "end"),
                Json.parse("[\"plain\", \"a\\nb\", \"\", \"\\\"q\\\"\", \"after\", \"x\\\\y\", \"end\"]"));
        assertEquals(Map.of("k\tey", "v"), Json.parse("{\"k\\tey\": \"v\"}"));
    }

    @Test
    void unicodeEscapesAndSlashesAreRead() {
        assertEquals("A/é\b\f", Json.parse("\"\\u0041\\/\\u00e9\\b\\f\""));
    }

    @Test
    void numbersKeepTheirKind() {
        assertEquals(42L, Json.parse("42"));
        assertEquals(-7L, Json.parse("-7"));
        assertEquals(new BigInteger("123456789012345678901234567890"), Json.parse("123456789012345678901234567890"));
        assertEquals(1.5, Json.parse("1.5"));
        assertEquals(1e-3, Json.parse("1e-3"));
        assertEquals(2.0, Json.parse("2.0"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"3.0|3.0", "0.1|0.1", "1.0E20|1.0E20", "-2.5|-2.5"})
    void doublesAreWrittenSoTheyReadBackAsDoubles(double value, String expected) {
        assertEquals(expected, Json.write(value));
        assertEquals(value, Json.parse(Json.write(value)));
    }

    @Test
    void otherValuesAreWrittenSensibly() {
        assertEquals("\"NaN\"", Json.write(Double.NaN));
        assertEquals("12.50", Json.write(new BigDecimal("12.50")));
        assertEquals("1.5", Json.write(1.5f));
        assertEquals("7", Json.write(7));
        assertEquals("null", Json.write(null));
        assertEquals("false", Json.write(false));
        assertEquals("\"2024-01-31\"", Json.write(java.time.LocalDate.of(2024, 1, 31)));
        assertEquals("{\"1\":[true]}", Json.write(Map.of(1, List.of(true))));
    }

    @Test
    void literalsAndWhitespaceAreRead() {
        assertNull(Json.parse(" null "));
        assertEquals(true, Json.parse("\ttrue\n"));
        assertEquals(List.of(false), Json.parse("[ false ]"));
        assertEquals(Map.of(), Json.parse("{ }"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                      | unexpected end of JSON",
        "`{\"a\":1} x`           | unexpected text after the JSON value at offset 8",
        "`{\"a\" 1}`             | expected ':' at offset 5",
        "`{a:1}`                 | expected a quoted key at offset 1",
        "`[1 2]`                 | expected ',' or ']' at offset 3",
        "`{\"a\":1 \"b\":2}`     | expected ',' or '}' at offset 7",
        "`\"abc`                 | unexpected end of JSON",
        "`\"a\\qb\"`             | bad escape '\\q' at offset 3",
        "`\"a\\n`                | unexpected end of JSON",
        "`\"a\\q`                | bad escape '\\q' at offset 3",
        "`\"\\u12\"`             | bad \\u escape at offset 3",
        "`\"\\uZZZZ\"`           | bad \\u escape '\\uZZZZ' at offset 1",
        "`tru`                   | unexpected token at offset 0",
        "`-`                     | bad number '-' at offset 0",
        "`1.2.3`                 | bad number '1.2.3' at offset 0",
        "`@`                     | unexpected character '@' at offset 0",
    })
    void malformedTextIsRejectedWithTheOffsetOfTheProblem(String text, String message) {
        assertEquals(message, assertThrows(JsonException.class, () -> Json.parse(text)).getMessage());
    }

    @Test
    void parseObjectRejectsOtherValues() {
        assertEquals("expected a JSON object", assertThrows(JsonException.class, () -> Json.parseObject("[1]"))
                .getMessage());
    }

    @Test
    void tryParseReadsWhatWasRecordedAndNothingElse() {
        assertEquals(Optional.of(List.of("x", "y")), Json.tryParse("[\"x\", \"y\"]"));
        assertEquals(Optional.of("text"), Json.tryParse("\"text\""));
        assertEquals(Optional.empty(), Json.tryParse(null));
        assertEquals(Optional.empty(), Json.tryParse("  "));
        assertEquals(Optional.empty(), Json.tryParse("null"));
        assertEquals(Optional.empty(), Json.tryParse("{\"a\": "));
        assertEquals(Optional.empty(), Json.tryParse("1 2"));
    }
}
