package io.taskgraph.adapters.xlsx;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** The narrowest DuckDB type that holds every value seen in a column, widened cell by cell. */
enum ColumnKind {
    EMPTY("VARCHAR"), BOOLEAN("BOOLEAN"), BIGINT("BIGINT"), DOUBLE("DOUBLE"), DATE("DATE"),
    TIMESTAMP("TIMESTAMP"), VARCHAR("VARCHAR");

    private final String sqlType;

    ColumnKind(String sqlType) {
        this.sqlType = sqlType;
    }

    String sqlType() {
        return sqlType;
    }

    /** This kind, widened to hold {@code value} too (a value of {@link XlsxCells#value}). */
    ColumnKind widen(Object value) {
        ColumnKind seen = of(value);
        if (seen == EMPTY || seen == this) {
            return this;
        }
        if (this == EMPTY) {
            return seen;
        }
        if ((this == BIGINT && seen == DOUBLE) || (this == DOUBLE && seen == BIGINT)) {
            return DOUBLE;
        }
        if ((this == DATE && seen == TIMESTAMP) || (this == TIMESTAMP && seen == DATE)) {
            return TIMESTAMP;
        }
        return VARCHAR;
    }

    private static ColumnKind of(Object value) {
        if (value == null) {
            return EMPTY;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                    ? BIGINT : DOUBLE;
        }
        if (value instanceof LocalDateTime time) {
            return time.toLocalTime().equals(LocalTime.MIDNIGHT) ? DATE : TIMESTAMP;
        }
        return VARCHAR;
    }

    /** The JSON value written for a cell of a column of this kind. */
    Object json(Object value) {
        if (value == null) {
            return null;
        }
        return switch (this) {
            case BIGINT -> ((BigDecimal) value).longValueExact();
            case DOUBLE -> ((BigDecimal) value).doubleValue();
            case DATE -> ((LocalDateTime) value).toLocalDate().toString();
            case TIMESTAMP -> value.toString();
            case BOOLEAN -> value;
            default -> value instanceof BigDecimal n ? n.stripTrailingZeros().toPlainString()
                    : value.toString();
        };
    }
}
