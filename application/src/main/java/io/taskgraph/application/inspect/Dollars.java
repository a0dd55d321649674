package io.taskgraph.application.inspect;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** A cost in US dollars as people read it: cents for amounts of a dollar or more, three significant digits below. */
public final class Dollars {
    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_UP);

    private Dollars() {
    }

    /** {@code $12.35}, {@code $0.42}, {@code $0.0135}, {@code $0.000123}, {@code $0.00}. */
    public static String format(BigDecimal dollars) {
        BigDecimal shown = dollars.abs().compareTo(BigDecimal.ONE) >= 0 ? dollars.setScale(2, RoundingMode.HALF_UP)
                : dollars.round(THREE_DIGITS).stripTrailingZeros();
        if (shown.scale() < 2) {
            shown = shown.setScale(2, RoundingMode.UNNECESSARY);
        }
        return (shown.signum() < 0 ? "-$" : "$") + shown.abs().toPlainString();
    }
}
