package io.taskgraph.domain.validation;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Which required columns a relation lacks; DuckDB column names are case-insensitive, so this is too. */
final class RequiredColumns {
    private RequiredColumns() {
    }

    /** The entries of {@code required} not among {@code actual}, in the order they were required. */
    static List<String> missing(List<String> required, List<String> actual) {
        Set<String> present = actual.stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return required.stream().filter(c -> !present.contains(c.toLowerCase(Locale.ROOT))).toList();
    }
}
