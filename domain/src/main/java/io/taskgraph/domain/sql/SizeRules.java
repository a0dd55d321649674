package io.taskgraph.domain.sql;

import io.taskgraph.domain.sql.SqlReference.Argument;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Calls that build a list or a string whose size is one of their arguments. DuckDB checks for cancellation
 * and for its memory limit between chunks of rows, never inside one function call, so
 * {@code list(range(1000000000))} runs for minutes and takes gigabytes whatever the timeout and the memory
 * limit say. Such a call is allowed only when the size is a number written in the statement and the value
 * it builds stays within {@link #MAX_SIZE} elements or characters; the streaming forms (the table functions
 * {@code range} and {@code generate_series} in FROM, also LATERAL per row) have no limit, because DuckDB
 * can stop them.
 */
public final class SizeRules {
    /** The most elements (or characters) one size-parameterised call may build. */
    public static final int MAX_SIZE = 10_000;
    /**
     * The most copies {@code repeat} may make of a value computed from the data: kept small because a recursive
     * query can repeat the previous step's value, and only what one step adds escapes the memory limit.
     */
    static final int MAX_COPIES = 10;

    static final String RULE = "Functions that build a list or string of a given size (range and generate_series "
            + "as lists, list_resize, array_resize, repeat, lpad, rpad, bar, to_base, bitstring, and the widths in "
            + "printf and format) need that size written as a number, at most " + String.format("%,d", MAX_SIZE)
            + " (repeat of a computed value: " + MAX_COPIES + " copies), and may not be used inside a lambda: one "
            + "function call cannot be interrupted, so its size must be known before it runs. For longer "
            + "sequences use the table function: SELECT x FROM range(1000000) t(x), or per row "
            + "SELECT t.*, d.x FROM t, LATERAL generate_series(t.first_day, t.last_day, INTERVAL 1 DAY) d(x).";

    private SizeRules() {
    }

    /** Functions that fold a list with a lambda: the accumulator can double at every element, in one call. */
    private static final Set<String> FOLDS = Set.of("list_reduce", "array_reduce", "reduce");
    /** The size-parameterised functions, which inside a lambda would run once per element of the list. */
    private static final Set<String> BUILDERS = Set.of("range", "generate_series", "list_resize", "array_resize", "lpad",
            "rpad", "bitstring", "bar", "to_base", "repeat", "printf", "format");

    /** Why a call of built-in {@code name} (lower case) may build too large a value in one call; empty when it cannot. */
    static Optional<String> problem(String name, List<Argument> arguments, boolean perElement) {
        if (FOLDS.contains(name)) {
            return Optional.of(name + "(...) folds a list in one call that cannot be interrupted, and its accumulator "
                    + "can grow at every element. Use list_sum, list_aggregate or an aggregate over unnest(...) instead.");
        }
        if (perElement && BUILDERS.contains(name)) {
            return Optional.of(name + "(...) inside a lambda runs once for every element of the list, all within one "
                    + "call, so its size limit would multiply. Build the list outside the lambda, or use a LATERAL "
                    + "join with a table function. " + RULE);
        }
        return problem(name, arguments).map(problem -> problem + " " + RULE);
    }

    private static Optional<String> problem(String name, List<Argument> arguments) {
        return switch (name) {
            case "range", "generate_series" -> sequence(name, arguments);
            case "list_resize", "array_resize" -> sizeArgument(name, arguments, 1, "the new size", MAX_SIZE);
            case "lpad", "rpad" -> sizeArgument(name, arguments, 1, "the length", MAX_SIZE);
            case "bitstring" -> sizeArgument(name, arguments, 1, "the length", MAX_SIZE);
            case "bar" -> arguments.size() < 4 ? Optional.empty()
                    : sizeArgument(name, arguments, 3, "the width", MAX_SIZE);
            case "to_base" -> arguments.size() < 3 ? Optional.empty()
                    : sizeArgument(name, arguments, 2, "the minimum length", MAX_SIZE);
            case "repeat" -> repeat(arguments);
            case "printf", "format" -> FormatWidths.problem(name, arguments, MAX_SIZE);
            default -> Optional.empty();
        };
    }

    private static Optional<String> sequence(String name, List<Argument> arguments) {
        if (arguments.isEmpty() || arguments.size() > 3) {
            return Optional.empty();
        }
        BigDecimal[] numbers = new BigDecimal[arguments.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = number(arguments.get(i)).orElse(null);
            if (numbers[i] == null) {
                return Optional.of(name + "(...) as a list needs its bounds written as numbers.");
            }
        }
        BigDecimal start = numbers.length == 1 ? BigDecimal.ZERO : numbers[0];
        BigDecimal stop = numbers.length == 1 ? numbers[0] : numbers[1];
        BigDecimal step = numbers.length == 3 ? numbers[2].abs() : BigDecimal.ONE;
        if (step.signum() == 0) {
            return Optional.empty();
        }
        BigDecimal count = stop.subtract(start).abs().divide(step, 0, RoundingMode.CEILING).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(MAX_SIZE)) > 0) {
            return Optional.of(name + "(...) as a list would hold about " + count.toBigInteger() + " elements, more "
                    + "than " + String.format("%,d", MAX_SIZE) + ".");
        }
        return Optional.empty();
    }

    private static Optional<String> sizeArgument(String name, List<Argument> arguments, int index, String what,
                                                 int max) {
        if (arguments.size() <= index) {
            return Optional.empty();
        }
        Optional<BigDecimal> size = number(arguments.get(index));
        if (size.isEmpty()) {
            return Optional.of(name + "(...) needs " + what + " written as a number.");
        }
        if (size.get().compareTo(BigDecimal.valueOf(max)) > 0) {
            return Optional.of(name + "(...) asks for " + what + " " + size.get().toBigInteger() + ", more than "
                    + String.format("%,d", max) + ".");
        }
        return Optional.empty();
    }

    private static Optional<String> repeat(List<Argument> arguments) {
        if (arguments.size() != 2) {
            return Optional.empty();
        }
        Optional<BigDecimal> count = number(arguments.get(1));
        if (count.isEmpty()) {
            return Optional.of("repeat(...) needs the number of copies written as a number.");
        }
        Argument value = arguments.get(0);
        if (value.literal() && value.value() instanceof String text) {
            BigDecimal size = count.get().multiply(BigDecimal.valueOf(text.length()));
            return size.compareTo(BigDecimal.valueOf(MAX_SIZE)) > 0
                    ? Optional.of("repeat(...) would build " + size.toBigInteger() + " characters, more than "
                    + String.format("%,d", MAX_SIZE) + ".")
                    : Optional.empty();
        }
        return count.get().compareTo(BigDecimal.valueOf(MAX_COPIES)) > 0
                ? Optional.of("repeat(...) of a computed value may make at most " + MAX_COPIES + " copies, not "
                + count.get().toBigInteger() + ".")
                : Optional.empty();
    }

    /** The argument's value when it is a number written in the statement. */
    static Optional<BigDecimal> number(Argument argument) {
        if (!argument.literal()) {
            return Optional.empty();
        }
        Object value = argument.value();
        if (value instanceof BigDecimal decimal) {
            return Optional.of(decimal);
        }
        if (value instanceof BigInteger integer) {
            return Optional.of(new BigDecimal(integer));
        }
        if (value instanceof Long || value instanceof Integer) {
            return Optional.of(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            return Optional.of(BigDecimal.valueOf(d));
        }
        return Optional.empty();
    }
}
