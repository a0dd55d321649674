package io.taskgraph.domain.graph;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** A likely intended name for a mistyped one: the nearest by edit distance, when it is near enough. */
final class ClosestName {
    private ClosestName() {
    }

    /**
     * The candidate with the smallest edit distance to {@code name} (ignoring case), if that distance is small for
     * the name's length (1 up to 3 letters, else a third of its length, at least 2 and at most 3), or if one candidate
     * starts with the name. Ties go to the candidate listed first.
     */
    static Optional<String> among(String name, Collection<String> candidates) {
        String typed = name.toLowerCase(Locale.ROOT);
        int allowed = typed.length() <= 3 ? 1 : Math.min(3, Math.max(2, typed.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String lower = candidate.toLowerCase(Locale.ROOT);
            int distance = lower.startsWith(typed) && !typed.isEmpty() ? 0 : distance(typed, lower);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
