package io.taskgraph.domain.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which of the names a person could have meant when they typed {@code word}: {@code rn} for {@code run},
 * {@code --outptu} for {@code --output}, {@code ordrs} for {@code orders}. A name is close when it starts with the
 * word, or when a few typing slips (a letter left out, added, changed, or two swapped) turn one into the other: at
 * most one slip for every three letters. Case and leading dashes are ignored, so options compare by their words.
 */
public final class Spelling {
    private Spelling() {
    }

    /** The closest of {@code names} to {@code word}, if any is close. */
    public static Optional<String> closest(String word, Collection<String> names) {
        return close(word, names).stream().findFirst();
    }

    /** The close names, closest first (ties in the order given); empty when none is close or {@code word} is one. */
    public static List<String> close(String word, Collection<String> names) {
        String typed = plain(word);
        if (typed.isEmpty()) {
            return List.of();
        }
        List<Candidate> found = new ArrayList<>();
        int order = 0;
        for (String name : names) {
            String plain = plain(name);
            if (plain.equals(typed)) {
                return List.of();
            }
            int slips = plain.startsWith(typed) && typed.length() >= 2 ? 0 : slips(typed, plain);
            if (slips <= Math.max(1, Math.max(typed.length(), plain.length()) / 3)) {
                found.add(new Candidate(name, slips, order));
            }
            order++;
        }
        found.sort(Comparator.comparingInt(Candidate::slips).thenComparingInt(Candidate::order));
        return found.stream().map(Candidate::name).distinct().toList();
    }

    /** "Did you mean 'run'?" when one name is close, "Did you mean 'a' or 'b'?" for two or more; empty otherwise. */
    public static Optional<String> didYouMean(String word, Collection<String> names) {
        List<String> close = close(word, names);
        if (close.isEmpty()) {
            return Optional.empty();
        }
        List<String> quoted = close.stream().limit(3).map(n -> "'" + n + "'").toList();
        String listed = quoted.size() == 1 ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
        return Optional.of("did you mean " + listed + "?");
    }

    private static String plain(String name) {
        int start = 0;
        while (start < name.length() && name.charAt(start) == '-') {
            start++;
        }
        return name.substring(start).toLowerCase(Locale.ROOT);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int slips(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private record Candidate(String name, int slips, int order) {
    }
}
