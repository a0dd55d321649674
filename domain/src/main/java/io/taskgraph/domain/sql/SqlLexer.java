package io.taskgraph.domain.sql;

import io.taskgraph.domain.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens the way DuckDB's (PostgreSQL-derived) scanner does, so that policy decisions
 * are made on what the database will see, never on raw text: a name inside a comment or a string is not a
 * name, and a semicolon inside a dollar quote does not end a statement.
 *
 * <p>Handles bare and double-quoted identifiers ({@code ""} escapes), string literals ({@code ''} escapes;
 * {@code E'..'} with backslash escapes; {@code X'..'}, {@code B'..'}, {@code N'..'}), dollar quotes
 * ({@code $$..$$}, {@code $tag$..$tag$}), line comments ({@code --}), nested block comments
 * ({@code /* /* *}{@code / *}{@code /}, nested as DuckDB does), numbers, parameters, operators, punctuation
 * and semicolons. Unterminated literals and comments are errors, not guesses.
 */
public final class SqlLexer {
    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`";

    private final String sql;
    private int pos;

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    /** The significant tokens of {@code sql}; throws {@link SqlLexException} for unterminated text. */
    public static List<SqlToken> tokenize(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        List<SqlToken> tokens = new ArrayList<>();
        SqlToken token;
        while ((token = lexer.next()) != null) {
            tokens.add(token);
        }
        return tokens;
    }

    /** The tokens of each statement, split at semicolons; empty statements (";;", comments only) are dropped. */
    public static List<List<SqlToken>> statements(List<SqlToken> tokens) {
        List<List<SqlToken>> statements = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        for (SqlToken token : tokens) {
            if (token.kind() == Kind.SEMICOLON) {
                if (!current.isEmpty()) {
                    statements.add(List.copyOf(current));
                    current.clear();
                }
            } else {
                current.add(token);
            }
        }
        if (!current.isEmpty()) {
            statements.add(List.copyOf(current));
        }
        return statements;
    }

    /**
     * The source text of each statement in {@code sql}, without the separating semicolons and without
     * comments before the first or after the last token of a statement.
     */
    public static List<String> splitStatements(String sql) {
        List<String> texts = new ArrayList<>();
        for (List<SqlToken> statement : statements(tokenize(sql))) {
            texts.add(sql.substring(statement.get(0).start(), statement.get(statement.size() - 1).end()));
        }
        return texts;
    }

    private SqlToken next() {
        skipSpaceAndComments();
        if (pos >= sql.length()) {
            return null;
        }
        int start = pos;
        char c = sql.charAt(pos);
        if (c == '\'') {
            return quotedString(start, pos, false);
        }
        if (c == '"') {
            return quotedIdentifier(start);
        }
        if (c == '$') {
            return dollar(start);
        }
        if (isDigit(c) || (c == '.' && isDigit(charAt(pos + 1)))) {
            return number(start);
        }
        if (isIdentifierStart(c)) {
            return wordOrPrefixedString(start);
        }
        if (c == ';') {
            pos++;
            return token(Kind.SEMICOLON, start);
        }
        if (c == '?') {
            pos++;
            return token(Kind.PARAMETER, start);
        }
        if (c == ':') {
            pos++;
            if (charAt(pos) == ':' || charAt(pos) == '=') {
                pos++;
                return token(Kind.OPERATOR, start);
            }
            return token(Kind.PUNCTUATION, start);
        }
        if (OPERATOR_CHARS.indexOf(c) >= 0) {
            return operator(start);
        }
        pos++;
        return token(Kind.PUNCTUATION, start);
    }

    private void skipSpaceAndComments() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (isSpace(c)) {
                pos++;
            } else if (startsLineComment(pos)) {
                while (pos < sql.length() && sql.charAt(pos) != '\n' && sql.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (startsBlockComment(pos)) {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    /** Block comments nest, as in DuckDB: {@code /* a /* b *}{@code / c *}{@code /} is one comment. */
    private void skipBlockComment() {
        int start = pos;
        int depth = 0;
        while (pos < sql.length()) {
            if (startsBlockComment(pos)) {
                depth++;
                pos += 2;
            } else if (sql.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
        throw error("an unterminated /* comment", start);
    }

    private SqlToken quotedString(int start, int quote, boolean backslashEscapes) {
        pos = quote + 1;
        StringBuilder value = new StringBuilder();
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '\'') {
                if (charAt(pos + 1) == '\'') {
                    value.append('\'');
                    pos += 2;
                    continue;
                }
                pos++;
                return new SqlToken(Kind.STRING, sql.substring(start, pos), value.toString(), start, pos);
            }
            if (c == '\\' && backslashEscapes && pos + 1 < sql.length()) {
                pos = BackslashEscapes.decode(sql, pos, value);
                continue;
            }
            value.append(c);
            pos++;
        }
        throw error("an unterminated string literal", start);
    }

    private SqlToken quotedIdentifier(int start) {
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '"') {
                if (charAt(pos + 1) == '"') {
                    value.append('"');
                    pos += 2;
                    continue;
                }
                pos++;
                return new SqlToken(Kind.QUOTED_IDENTIFIER, sql.substring(start, pos), value.toString(), start, pos);
            }
            value.append(c);
            pos++;
        }
        throw error("an unterminated quoted identifier (\")", start);
    }

    /** {@code $1} and {@code $name} are parameters; {@code $$} and {@code $tag$} open a dollar-quoted string. */
    private SqlToken dollar(int start) {
        pos++;
        if (isDigit(charAt(pos))) {
            while (isDigit(charAt(pos))) {
                pos++;
            }
            return token(Kind.PARAMETER, start);
        }
        int tagEnd = pos;
        if (isIdentifierStart(charAt(tagEnd))) {
            while (tagEnd < sql.length() && isTagChar(sql.charAt(tagEnd))) {
                tagEnd++;
            }
        }
        if (charAt(tagEnd) == '$') {
            String delimiter = sql.substring(start, tagEnd + 1);
            int bodyStart = tagEnd + 1;
            int close = sql.indexOf(delimiter, bodyStart);
            if (close < 0) {
                throw error("an unterminated dollar-quoted string (" + delimiter + " is never closed)", start);
            }
            pos = close + delimiter.length();
            return new SqlToken(Kind.STRING, sql.substring(start, pos), sql.substring(bodyStart, close), start, pos);
        }
        if (tagEnd > pos) {
            pos = tagEnd;
            return token(Kind.PARAMETER, start);
        }
        return token(Kind.PUNCTUATION, start);
    }

    private SqlToken number(int start) {
        skipDigits();
        if (charAt(pos) == '.' && charAt(pos + 1) != '.') {
            pos++;
            skipDigits();
        }
        char e = charAt(pos);
        if (e == 'e' || e == 'E') {
            int exponent = pos + 1;
            if (charAt(exponent) == '+' || charAt(exponent) == '-') {
                exponent++;
            }
            if (isDigit(charAt(exponent))) {
                pos = exponent;
                skipDigits();
            }
        }
        return token(Kind.NUMBER, start);
    }

    private void skipDigits() {
        while (isDigit(charAt(pos)) || (charAt(pos) == '_' && isDigit(charAt(pos + 1)))) {
            pos++;
        }
    }

    private SqlToken wordOrPrefixedString(int start) {
        while (pos < sql.length() && isIdentifierPart(sql.charAt(pos))) {
            pos++;
        }
        if (pos - start == 1 && charAt(pos) == '\'') {
            char prefix = Character.toUpperCase(sql.charAt(start));
            if (prefix == 'E' || prefix == 'X' || prefix == 'B' || prefix == 'N') {
                return quotedString(start, pos, prefix == 'E');
            }
        }
        return token(Kind.WORD, start);
    }

    /** A run of operator characters, stopping before a comment starts inside it ({@code 1+--x} is {@code 1+}). */
    private SqlToken operator(int start) {
        while (pos < sql.length() && OPERATOR_CHARS.indexOf(sql.charAt(pos)) >= 0) {
            if (pos > start && (startsLineComment(pos) || startsBlockComment(pos))) {
                break;
            }
            pos++;
        }
        return token(Kind.OPERATOR, start);
    }

    private SqlToken token(Kind kind, int start) {
        String text = sql.substring(start, pos);
        return new SqlToken(kind, text, text, start, pos);
    }

    private boolean startsLineComment(int at) {
        return sql.startsWith("--", at);
    }

    private boolean startsBlockComment(int at) {
        return sql.startsWith("/*", at);
    }

    private char charAt(int at) {
        return at < sql.length() ? sql.charAt(at) : '\0';
    }

    private SqlLexException error(String what, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SqlLexException("The SQL has " + what + " starting at line " + line + ", column " + column
                + "; close it or remove it.", offset);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** As in DuckDB: ASCII letters, underscore and every non-ASCII character start an identifier. */
    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isTagChar(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }
}
