package io.taskgraph.adapters.cli.progress;

/** ANSI styling when the terminal wants it, plain text otherwise; and the symbols it can show. */
public final class Style {
    private final boolean color;
    private final boolean unicode;

    public Style(boolean color, boolean unicode) {
        this.color = color;
        this.unicode = unicode;
    }

    public static Style plain() {
        return new Style(false, false);
    }

    public String green(String s) {
        return wrap("32", s);
    }

    public String red(String s) {
        return wrap("31", s);
    }

    public String yellow(String s) {
        return wrap("33", s);
    }

    public String cyan(String s) {
        return wrap("36", s);
    }

    public String dim(String s) {
        return wrap("2", s);
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    public String symbol(String unicodeSymbol, String asciiSymbol) {
        return unicode ? unicodeSymbol : asciiSymbol;
    }

    public boolean unicode() {
        return unicode;
    }

    private String wrap(String code, String s) {
        return color ? "\033[" + code + "m" + s + "\033[0m" : s;
    }

    /** Printable length of {@code s}: without ANSI escape sequences. */
    public static int visibleLength(String s) {
        return s.replaceAll("\033\\[[0-9;?]*[A-Za-z]", "").length();
    }
}
