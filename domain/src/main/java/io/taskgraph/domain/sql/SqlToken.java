package io.taskgraph.domain.sql;

import java.util.Locale;

/**
 * One significant token of SQL text (comments and whitespace are not tokens).
 *
 * @param kind  what the token is
 * @param text  the token exactly as written, quotes included
 * @param value what the token means: a quoted identifier or string without its quotes and with its
 *              escapes resolved (for {@code X'..'} and {@code B'..'} the digits as written); for every
 *              other kind the same as {@code text}
 * @param start offset of the first char in the SQL text
 * @param end   offset just after the last char
 */
public record SqlToken(Kind kind, String text, String value, int start, int end) {

    public enum Kind {
        /** A bare identifier or keyword ({@code select}, {@code my_view}); case-insensitive. */
        WORD,
        /** {@code "..."}: an identifier written in double quotes. */
        QUOTED_IDENTIFIER,
        /** {@code '...'}, {@code E'...'}, {@code X'...'}, {@code $$...$$} or {@code $tag$...$tag$}. */
        STRING,
        NUMBER,
        /** {@code ?}, {@code $1} or {@code $name}. */
        PARAMETER,
        /** A run of operator characters such as {@code +}, {@code ::}, {@code ->>} or {@code <>}. */
        OPERATOR,
        /** One of {@code ( ) [ ] { } , .} and a lone {@code :}. */
        PUNCTUATION,
        SEMICOLON
    }

    /** True for a bare word equal to {@code keyword}, ignoring case; a quoted identifier is never a keyword. */
    public boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** True for punctuation or an operator written exactly as {@code symbol}. */
    public boolean is(String symbol) {
        return (kind == Kind.PUNCTUATION || kind == Kind.OPERATOR || kind == Kind.SEMICOLON) && text.equals(symbol);
    }

    /** True for a token that can name something: a bare word or a quoted identifier. */
    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
    }

    /** The keyword in upper case, or null when this is not a bare word. */
    public String keyword() {
        return kind == Kind.WORD ? text.toUpperCase(Locale.ROOT) : null;
    }
}
