package io.taskgraph.domain.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A short line diff for a person: removed lines as {@code - text}, added as {@code + text}, one unchanged line of
 * context around each change as {@code   text}, and {@code   …} where more unchanged lines were left out. A line
 * changed in place that is too wide is cut around the change, so a reworded sentence in a long prompt still shows
 * what was reworded.
 */
final class TextDiff {
    private static final int CONTEXT = 1;
    private static final int MAX_CELLS = 250_000;
    private static final String GAP = "  …";

    private TextDiff() {
    }

    private enum Op { SAME, REMOVED, ADDED }

    private record Line(Op op, String text) {
    }

    static Optional<List<String>> unified(String before, String after, int maxLines, int width) {
        List<String> a = before.isEmpty() ? List.of() : before.lines().toList();
        List<String> b = after.isEmpty() ? List.of() : after.lines().toList();
        if ((long) a.size() * b.size() > MAX_CELLS) {
            return Optional.empty();
        }
        List<Line> shown = withContext(lines(a, b));
        if (shown.size() > maxLines) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Line line = shown.get(i);
            boolean pair = line.op == Op.REMOVED && i + 1 < shown.size() && shown.get(i + 1).op == Op.ADDED
                    && (i == 0 || shown.get(i - 1).op != Op.REMOVED)
                    && (i + 2 >= shown.size() || shown.get(i + 2).op != Op.ADDED);
            if (pair) {
                String[] cut = aroundChange(line.text, shown.get(i + 1).text, width - 2);
                out.add("- " + cut[0]);
                out.add("+ " + cut[1]);
                i++;
            } else if (line.op == null) {
                out.add(GAP);
            } else {
                out.add(marker(line.op) + cut(line.text, width - 2));
            }
        }
        return Optional.of(List.copyOf(out));
    }

    /** Every line of both texts in order, marked by a longest common subsequence. */
    private static List<Line> lines(List<String> a, List<String> b) {
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                lines.add(new Line(Op.SAME, a.get(i++)));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                lines.add(new Line(Op.REMOVED, a.get(i++)));
            } else {
                lines.add(new Line(Op.ADDED, b.get(j++)));
            }
        }
        while (i < a.size()) {
            lines.add(new Line(Op.REMOVED, a.get(i++)));
        }
        while (j < b.size()) {
            lines.add(new Line(Op.ADDED, b.get(j++)));
        }
        return lines;
    }

    /** Changed lines with {@link #CONTEXT} unchanged lines around them; a null op stands for left-out lines. */
    private static List<Line> withContext(List<Line> all) {
        boolean[] keep = new boolean[all.size()];
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).op != Op.SAME) {
                for (int k = Math.max(0, i - CONTEXT); k <= Math.min(all.size() - 1, i + CONTEXT); k++) {
                    keep[k] = true;
                }
            }
        }
        List<Line> shown = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (keep[i]) {
                shown.add(all.get(i));
            } else if (shown.isEmpty() || shown.get(shown.size() - 1).op != null) {
                shown.add(new Line(null, ""));
            }
        }
        return shown;
    }

    /** Both lines cut to {@code width} around where they differ, keeping a little of what they share on each side. */
    private static String[] aroundChange(String before, String after, int width) {
        if (before.length() <= width && after.length() <= width) {
            return new String[] {before, after};
        }
        int prefix = 0;
        int limit = Math.min(before.length(), after.length());
        while (prefix < limit && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int start = prefix - Math.min(prefix, width / 3);
        int word = before.indexOf(' ', start);
        if (start > 0 && word >= 0 && word < prefix) {
            start = word + 1; // begin the window at a word, not inside one
        }
        return new String[] {window(before, start, width), window(after, start, width)};
    }

    private static String window(String line, int start, int width) {
        String head = start > 0 ? "…" + line.substring(start) : line;
        return cut(head, width);
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "…";
    }

    private static String marker(Op op) {
        return switch (op) {
            case SAME -> "  ";
            case REMOVED -> "- ";
            case ADDED -> "+ ";
        };
    }
}
