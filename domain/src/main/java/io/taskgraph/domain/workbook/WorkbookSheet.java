package io.taskgraph.domain.workbook;

import java.util.Optional;

/**
 * One sheet of a workbook: its name and its used range, the smallest range holding every cell with a value
 * (empty for a sheet without any).
 */
public record WorkbookSheet(String name, Optional<CellRange> usedRange) {
}
