package io.taskgraph.application.report;

/**
 * Builds HTML text in which everything that came from a workspace is escaped: agent SQL, messages, errors, names
 * and values are untrusted, and none of them may become markup. {@link #text} is the only way to add such text;
 * {@link #raw} takes markup this package wrote itself.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(64 * 1024);

    /** {@code text} with the five characters that mean something in HTML (in text or a quoted attribute) escaped. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Markup written by this package (tags and constant text), never data. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Untrusted text, escaped. */
    Html text(String text) {
        out.append(escape(text == null ? "" : text));
        return this;
    }

    /** {@code <tag class="cssClass">text</tag>} with the text escaped. */
    Html element(String tag, String cssClass, String text) {
        out.append('<').append(tag);
        if (!cssClass.isEmpty()) {
            out.append(" class=\"").append(escape(cssClass)).append('"');
        }
        out.append('>');
        text(text);
        out.append("</").append(tag).append('>');
        return this;
    }

    /** {@code name="value"} with a leading space, the value escaped. */
    Html attribute(String name, String value) {
        out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
