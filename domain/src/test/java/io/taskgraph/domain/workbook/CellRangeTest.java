package io.taskgraph.domain.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taskgraph.domain.UsageException;
import org.junit.jupiter.api.Test;

class CellRangeTest {
    @Test
    void aRangeParsesInEitherCornerOrderAndAnyCase() {
        assertEquals(new CellRange(2, 10, 1, 3), CellRange.parse("B2:D10"));
        assertEquals(new CellRange(2, 10, 1, 3), CellRange.parse("d10:b2"));
        assertEquals("B2:D10", CellRange.parse(" d10:b2 ").a1());
    }

    @Test
    void oneCellIsARangeOfOneCell() {
        CellRange cell = CellRange.parse("ab3");
        assertEquals(new CellRange(3, 3, 27, 27), cell);
        assertEquals("AB3:AB3", cell.a1());
        assertEquals(1, cell.rowCount());
        assertEquals(1, cell.columnCount());
    }

    @Test
    void sizeCountsRowsAndColumns() {
        CellRange range = CellRange.parse("A1:G6");
        assertEquals(6, range.rowCount());
        assertEquals(7, range.columnCount());
    }

    @Test
    void columnLettersRunPastZ() {
        assertEquals("A", CellRange.columnName(0));
        assertEquals("Z", CellRange.columnName(25));
        assertEquals("AA", CellRange.columnName(26));
        assertEquals("XFD", CellRange.columnName(16383));
    }

    @Test
    void anythingElseSaysHowToWriteARange() {
        assertEquals("'2B' is not a cell range; write it like A1:D20 (or one cell, like B3).",
                assertThrows(UsageException.class, () -> CellRange.parse("2B")).getMessage());
        assertEquals("Row numbers in 'A0:B2' start at 1.",
                assertThrows(UsageException.class, () -> CellRange.parse("A0:B2")).getMessage());
    }
}
