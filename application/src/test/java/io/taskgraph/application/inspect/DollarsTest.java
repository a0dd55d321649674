package io.taskgraph.application.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DollarsTest {
    @Test
    void centsFromADollarUpThreeSignificantDigitsBelow() {
        assertEquals("$12.35", Dollars.format(new BigDecimal("12.345")));
        assertEquals("$1.00", Dollars.format(BigDecimal.ONE));
        assertEquals("$0.42", Dollars.format(new BigDecimal("0.42")));
        assertEquals("$0.457", Dollars.format(new BigDecimal("0.4567")));
        assertEquals("$0.0135", Dollars.format(new BigDecimal("0.0135")));
        assertEquals("$0.000123", Dollars.format(new BigDecimal("0.000123")));
        assertEquals("$0.00", Dollars.format(BigDecimal.ZERO));
        assertEquals("$0.00", Dollars.format(new BigDecimal("0.0000")));
    }
}
