package io.taskgraph.adapters.xlsx;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Locale;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;

/** Turns one workbook cell into a typed value: what the cell shows, not how the file stores it. */
final class XlsxCells {
    private XlsxCells() {
    }

    /** null, Boolean, BigDecimal, LocalDateTime (number cells with a date format) or String. */
    static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getType();
        String raw = cell.getRawValue();
        switch (type) {
            case EMPTY:
                return null;
            case BOOLEAN:
                return cell.asBoolean();
            case NUMBER:
                return isDateFormat(cell.getDataFormatString()) ? cell.asDate() : cell.asNumber();
            case FORMULA:
                return formulaResult(cell, raw);
            case ERROR:
                return raw;
            default:
                String text = cell.asString();
                return text == null || text.isEmpty() ? null : text;
        }
    }

    private static Object formulaResult(Cell cell, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(raw);
            if (isDateFormat(cell.getDataFormatString())) {
                return cell.asDate();
            }
            return number;
        } catch (NumberFormatException | UnsupportedOperationException e) {
            return raw;
        }
    }

    /** Text as a spreadsheet user would read it (ISO dates, plain numbers). */
    static String display(Cell cell) {
        Object value = value(cell);
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        if (value instanceof LocalDateTime time) {
            return time.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? time.toLocalDate().toString() : time.toString();
        }
        return value.toString();
    }

    /** Excel marks dates only through the number format: any y/m/d/h/s code outside quotes and brackets. */
    static boolean isDateFormat(String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("General")) {
            return false;
        }
        String f = format.toLowerCase(Locale.ROOT).replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "")
                .replaceAll("\\\\.", "");
        return f.matches(".*[ymdhs].*");
    }
}
