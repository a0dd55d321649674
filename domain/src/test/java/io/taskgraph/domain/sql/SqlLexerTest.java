package io.taskgraph.domain.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.sql.SqlToken.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

    private static List<String> texts(String sql) {
        return SqlLexer.tokenize(sql).stream().map(SqlToken::text).toList();
    }

    private static List<Kind> kinds(String sql) {
        return SqlLexer.tokenize(sql).stream().map(SqlToken::kind).toList();
    }

    private static SqlToken only(String sql) {
        List<SqlToken> tokens = SqlLexer.tokenize(sql);
        assertEquals(1, tokens.size(), () -> "tokens of " + sql + ": " + tokens);
        return tokens.get(0);
    }

    @Test
    void splitsASimpleQueryIntoWordsPunctuationAndOperators() {
        assertEquals(List.of("SELECT", "a", ",", "b", "+", "1", "FROM", "t", "WHERE", "x", "<>", "'y'", ";"),
                texts("SELECT a, b + 1 FROM t WHERE x <> 'y';"));
        assertEquals(List.of(Kind.WORD, Kind.WORD, Kind.PUNCTUATION, Kind.WORD, Kind.OPERATOR, Kind.NUMBER,
                        Kind.WORD, Kind.WORD, Kind.WORD, Kind.WORD, Kind.OPERATOR, Kind.STRING, Kind.SEMICOLON),
                kinds("SELECT a, b + 1 FROM t WHERE x <> 'y';"));
    }

    @Test
    void recordsWhereEachTokenStartsAndEnds() {
        List<SqlToken> tokens = SqlLexer.tokenize("  SELECT  \"x\"");
        assertEquals(2, tokens.get(0).start());
        assertEquals(8, tokens.get(0).end());
        assertEquals(10, tokens.get(1).start());
        assertEquals(13, tokens.get(1).end());
    }

    @Test
    void quotedIdentifierKeepsItsQuotesInTextAndUnescapesDoubledQuotesInValue() {
        SqlToken token = only("\"My \"\"odd\"\" name\"");
        assertEquals(Kind.QUOTED_IDENTIFIER, token.kind());
        assertEquals("\"My \"\"odd\"\" name\"", token.text());
        assertEquals("My \"odd\" name", token.value());
        assertTrue(token.isIdentifier());
        assertFalse(token.isKeyword("My"));
    }

    @Test
    void quotedKeywordIsNotAKeyword() {
        SqlToken token = only("\"select\"");
        assertFalse(token.isKeyword("SELECT"));
        assertNull(token.keyword());
    }

    @Test
    void keywordsCompareWithoutCase() {
        SqlToken token = only("sElEcT");
        assertTrue(token.isKeyword("SELECT"));
        assertEquals("SELECT", token.keyword());
    }

    @Test
    void stringLiteralUnescapesDoubledQuotesAndTreatsBackslashAsPlainText() {
        SqlToken doubled = only("'it''s'");
        assertEquals(Kind.STRING, doubled.kind());
        assertEquals("it's", doubled.value());
        SqlToken backslash = only("'a\\'");
        assertEquals("a\\", backslash.value());
    }

    @Test
    void escapeStringHonoursBackslashEscapes() {
        assertEquals("a'b", only("E'a\\'b'").value());
        assertEquals("x\\y", only("e'x\\\\y'").value());
        assertEquals("A\n\t", only("E'\\x41\\n\\t'").value());
        assertEquals("A", only("E'\\101'").value());
        assertEquals("u0041", only("E'\\u0041'").value(), "DuckDB has no \\u escape: the u is literal");
        assertEquals("it's", only("E'it''s'").value());
    }

    @Test
    void semicolonInsideAnEscapedQuoteOfAnEscapeStringStaysInTheString() {
        assertEquals(1, SqlLexer.statements(SqlLexer.tokenize("SELECT E'\\'; DROP TABLE t; --'")).size());
        assertEquals(2, SqlLexer.statements(SqlLexer.tokenize("SELECT '\\'; DROP TABLE t; --'")).size(),
                "in a standard string the backslash is plain text, so the quote ends the string");
    }

    @Test
    void blobBitAndNationalStringsAreSingleStringTokens() {
        assertEquals(Kind.STRING, only("X'41'").kind());
        assertEquals(Kind.STRING, only("b'1010'").kind());
        assertEquals(Kind.STRING, only("N'text'").kind());
        assertEquals(List.of("ex", "'a'"), texts("ex'a'"), "only a one-letter prefix makes a prefixed string");
    }

    @Test
    void dollarQuotedStringsMayHoldQuotesSemicolonsAndOtherDollarTags() {
        SqlToken plain = only("$$it's; a \"test\"$$");
        assertEquals(Kind.STRING, plain.kind());
        assertEquals("it's; a \"test\"", plain.value());
        SqlToken tagged = only("$fn$ body $$ still $other$ inside $fn$");
        assertEquals(" body $$ still $other$ inside ", tagged.value());
    }

    @Test
    void dollarFollowedByDigitsOrANameWithoutClosingDollarIsAParameter() {
        assertEquals(List.of(Kind.WORD, Kind.PARAMETER, Kind.OPERATOR, Kind.PARAMETER, Kind.OPERATOR,
                Kind.PARAMETER), kinds("SELECT $1 + $name + ?"));
        assertEquals(List.of("$1", "$", ";"), texts("$1$;"));
    }

    @Test
    void dollarInsideAnIdentifierDoesNotOpenADollarQuote() {
        assertEquals(List.of("SELECT", "a$b$", ";", "SELECT", "2"), texts("SELECT a$b$; SELECT 2"));
    }

    @Test
    void lineCommentsAreSkippedUpToTheEndOfTheLine() {
        assertEquals(List.of("SELECT", "1", "FROM", "t"), texts("SELECT 1 -- ; DROP TABLE x\nFROM t -- end"));
        assertEquals(List.of("SELECT", "1", ";", "SELECT", "2"), texts("SELECT 1 --x\r; SELECT 2"));
    }

    @Test
    void blockCommentsNestLikeDuckDbs() {
        assertEquals(List.of("SELECT", "1", "AS", "x"), texts("SELECT 1 /* a /* ; b */ c; */ AS x"));
        assertEquals(List.of("SELECT", "1"), texts("/**/SELECT/* */1/***/"));
    }

    @Test
    void commentStartInsideAnOperatorRunEndsTheOperator() {
        assertEquals(List.of("SELECT", "1", "+", "2"), texts("SELECT 1 +-- comment\n 2"));
        assertEquals(List.of("SELECT", "1", "*", "2"), texts("SELECT 1 */* comment */ 2"));
    }

    @Test
    void multiCharacterOperatorsStayTogether() {
        assertEquals(List.of("a", "::", "INT", "->>", "'k'", "||", "b", "<=", "c", "!=", "d", ":=", "e"),
                texts("a::INT ->> 'k' || b <= c != d := e"));
        assertEquals(List.of("[", "1", ":", "2", "]", "{", "'a'", ":", "1", "}"), texts("[1:2] {'a': 1}"));
    }

    @Test
    void numbersIncludeDecimalsExponentsAndDigitSeparators() {
        assertEquals(List.of("1", "1.5", ".5", "1e5", "2.5E-3", "1_000", "1."),
                texts("1 1.5 .5 1e5 2.5E-3 1_000 1."));
        assertEquals(List.of(Kind.NUMBER, Kind.WORD), kinds("1.x"), "1. is a number, as in DuckDB");
    }

    @Test
    void nonAsciiLettersAreIdentifierCharacters() {
        assertEquals(List.of("SELECT", "größe", "FROM", "straße"), texts("SELECT größe FROM straße"));
    }

    @Test
    void statementsAreSplitAtSemicolonsAndEmptyOnesDropped() {
        List<List<SqlToken>> statements = SqlLexer.statements(SqlLexer.tokenize(";; SELECT 1; ; /* c */ ; SELECT 2;"));
        assertEquals(2, statements.size());
        assertEquals("1", statements.get(0).get(1).text());
        assertEquals("2", statements.get(1).get(1).text());
    }

    @Test
    void splitStatementsReturnsEachStatementsSourceText() {
        assertEquals(List.of("SELECT ';' AS x", "CREATE VIEW v AS SELECT 1 /* keep */ + 1", "SELECT $$;$$"),
                SqlLexer.splitStatements(
                        "-- lead\nSELECT ';' AS x;\n CREATE VIEW v AS SELECT 1 /* keep */ + 1 ; SELECT $$;$$; -- end"));
        assertEquals(List.of(), SqlLexer.splitStatements("  -- nothing\n ; "));
    }

    @Test
    void unterminatedStringIsAnErrorWithLineAndColumn() {
        SqlLexException e = assertThrows(SqlLexException.class, () -> SqlLexer.tokenize("SELECT 1,\n  'abc"));
        assertEquals("The SQL has an unterminated string literal starting at line 2, column 3; close it or remove it.",
                e.getMessage());
        assertEquals(12, e.offset());
    }

    @Test
    void unterminatedQuotedIdentifierDollarQuoteAndCommentAreErrors() {
        assertTrue(assertThrows(SqlLexException.class, () -> SqlLexer.tokenize("SELECT \"abc"))
                .getMessage().startsWith("The SQL has an unterminated quoted identifier (\") starting at line 1, column 8"));
        assertTrue(assertThrows(SqlLexException.class, () -> SqlLexer.tokenize("SELECT $x$ abc $y$"))
                .getMessage().startsWith("The SQL has an unterminated dollar-quoted string ($x$ is never closed)"));
        assertTrue(assertThrows(SqlLexException.class, () -> SqlLexer.tokenize("SELECT 1 /* a /* b */"))
                .getMessage().startsWith("The SQL has an unterminated /* comment starting at line 1, column 10"));
        assertTrue(assertThrows(SqlLexException.class, () -> SqlLexer.tokenize("SELECT E'abc\\'"))
                .getMessage().startsWith("The SQL has an unterminated string literal"));
    }

    @Test
    void emptyTextHasNoTokens() {
        assertEquals(List.of(), SqlLexer.tokenize(""));
        assertEquals(List.of(), SqlLexer.tokenize(" \t\n -- only a comment"));
    }
}
