package io.taskgraph.domain.sql;

import io.taskgraph.domain.sql.SqlReference.Argument;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The field widths and precisions in the format string of {@code printf} ({@code %08.2f}) and {@code format}
 * ({@code {:>10}}): each pads its value to that many characters, so each is a size argument in disguise.
 */
final class FormatWidths {
    private FormatWidths() {
    }

    static Optional<String> problem(String name, List<Argument> arguments, int max) {
        if (arguments.isEmpty()) {
            return Optional.empty();
        }
        Argument format = arguments.get(0);
        if (!format.literal() || !(format.value() instanceof String text)) {
            return Optional.of(name + "(...) needs its format string written in the statement.");
        }
        Optional<String> width = name.equals("printf") ? printf(text, max) : fmt(text, max);
        return width.map(w -> name + "(...) has the field width or precision " + w + " in its format string.");
    }

    /** {@code %[flags][width][.precision]conversion}; {@code *} takes the width from an argument. */
    private static Optional<String> printf(String text, int max) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '%') {
                continue;
            }
            int pos = i + 1;
            if (pos < text.length() && text.charAt(pos) == '%') {
                i = pos;
                continue;
            }
            while (pos < text.length() && "-+ #0'".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            Optional<String> tooWide = numberOrStar(text, pos, max);
            if (tooWide.isPresent()) {
                return tooWide;
            }
            pos = skipDigits(text, pos);
            if (pos < text.length() && text.charAt(pos) == '.') {
                tooWide = numberOrStar(text, pos + 1, max);
                if (tooWide.isPresent()) {
                    return tooWide;
                }
            }
        }
        return Optional.empty();
    }

    /** {@code {[arg]:[[fill]align][sign][#][0][width][.precision][type]}}; a nested {@code {}} takes an argument. */
    private static Optional<String> fmt(String text, int max) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '{') {
                continue;
            }
            if (i + 1 < text.length() && text.charAt(i + 1) == '{') {
                i++;
                continue;
            }
            int close = text.indexOf('}', i);
            if (close < 0) {
                return Optional.empty();
            }
            String field = text.substring(i + 1, close);
            int colon = field.indexOf(':');
            if (colon >= 0) {
                String spec = field.substring(colon + 1);
                if (spec.indexOf('{') >= 0) {
                    return Optional.of("taken from an argument ({})");
                }
                for (int pos = 0; pos < spec.length(); pos++) {
                    if (Character.isDigit(spec.charAt(pos))) {
                        int end = skipDigits(spec, pos);
                        if (new BigInteger(spec.substring(pos, end)).compareTo(BigInteger.valueOf(max)) > 0) {
                            return Optional.of(spec.substring(pos, end));
                        }
                        pos = end - 1;
                    }
                }
            }
            i = close;
        }
        return Optional.empty();
    }

    private static Optional<String> numberOrStar(String text, int pos, int max) {
        if (pos < text.length() && text.charAt(pos) == '*') {
            return Optional.of("taken from an argument (*)");
        }
        int end = skipDigits(text, pos);
        if (end > pos && new BigInteger(text.substring(pos, end)).compareTo(BigInteger.valueOf(max)) > 0) {
            return Optional.of(text.substring(pos, end));
        }
        return Optional.empty();
    }

    private static int skipDigits(String text, int pos) {
        int end = pos;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }
}
