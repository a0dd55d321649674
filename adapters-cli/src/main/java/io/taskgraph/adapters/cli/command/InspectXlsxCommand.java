package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.cli.Cli;
import io.taskgraph.adapters.cli.ExitCodes;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.port.Workbook;
import io.taskgraph.domain.workbook.CellRange;
import io.taskgraph.domain.workbook.WorkbookSheet;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code taskgraph inspect-xlsx FILE [SHEET] [RANGE]}: a look inside a workbook before writing a spec for it —
 * its sheets with their used ranges, a sheet's first rows, or the cells of a range. Reads the file only.
 */
@Command(name = "inspect-xlsx", sortOptions = false,
        description = {"Show an Excel workbook: its sheets and their used ranges; with SHEET, the first "
                + InspectXlsxCommand.DEFAULT_ROWS + " rows of that sheet's used range; with RANGE, those cells."},
        footer = {"", "Examples:",
            "  taskgraph inspect-xlsx data.xlsx",
            "  taskgraph inspect-xlsx data.xlsx Sheet1",
            "  taskgraph inspect-xlsx data.xlsx Sheet1 A1:D10"})
public final class InspectXlsxCommand implements Callable<Integer> {
    static final int DEFAULT_ROWS = 20;
    static final int MAX_CELLS = 20_000;

    private final Cli cli;

    @Parameters(index = "0", paramLabel = "FILE", description = "An .xlsx workbook.")
    String file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SHEET", description = "A sheet name (see the list without it).")
    String sheet;

    @Parameters(index = "2", arity = "0..1", paramLabel = "RANGE", description = "Cells to show, e.g. A1:D10 or B3.")
    String range;

    @Mixin
    HelpOption help;

    public InspectXlsxCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        CellRange chosen = range == null ? null : CellRange.parse(range);
        try (Workbook workbook = cli.adapters().workbookReader().open(cli.resolve(file))) {
            PrintStream out = cli.out();
            if (sheet == null) {
                listSheets(workbook, out);
            } else if (chosen == null) {
                showUsedRange(workbook, out);
            } else {
                showRange(workbook, chosen, out);
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    private void listSheets(Workbook workbook, PrintStream out) {
        List<WorkbookSheet> sheets = workbook.sheets();
        out.println(file + ": " + sheets.size() + (sheets.size() == 1 ? " sheet" : " sheets"));
        int width = sheets.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        for (WorkbookSheet each : sheets) {
            out.println("  " + each.name() + " ".repeat(width - each.name().length()) + "  "
                    + each.usedRange().map(used -> used.a1() + "  " + size(used)).orElse("(empty)"));
        }
        out.println();
        out.println("See a sheet's cells: taskgraph inspect-xlsx " + quoted(file) + " SHEET [RANGE such as A1:D10]");
    }

    private void showUsedRange(Workbook workbook, PrintStream out) {
        CellRange all = workbook.sheet(sheet).usedRange().orElse(null);
        if (all == null) {
            out.println("Sheet " + sheet + " of " + file + " is empty.");
            return;
        }
        CellRange first = new CellRange(all.firstRow(), Math.min(all.lastRow(), all.firstRow() + DEFAULT_ROWS - 1),
                all.firstColumn(), all.lastColumn());
        out.println("Sheet " + sheet + " of " + file + ": used range " + all.a1() + " (" + size(all) + ")");
        out.println();
        out.print(CellGrid.render(cells(workbook, first), first));
        if (first.lastRow() < all.lastRow()) {
            int nextFirst = first.lastRow() + 1;
            CellRange next = new CellRange(nextFirst, Math.min(all.lastRow(), nextFirst + DEFAULT_ROWS - 1),
                    all.firstColumn(), all.lastColumn());
            out.println();
            out.println("Rows " + first.firstRow() + "-" + first.lastRow() + " of " + all.firstRow() + "-"
                    + all.lastRow() + " shown; for more, give a range: taskgraph inspect-xlsx " + quoted(file) + " "
                    + quoted(sheet) + " " + next.a1());
        }
    }

    private void showRange(Workbook workbook, CellRange chosen, PrintStream out) {
        out.println("Sheet " + sheet + " of " + file + ", range " + chosen.a1());
        out.println();
        out.print(CellGrid.render(cells(workbook, chosen), chosen));
    }

    private List<List<String>> cells(Workbook workbook, CellRange cells) {
        long count = (long) cells.rowCount() * cells.columnCount();
        if (count > MAX_CELLS) {
            throw new UsageException("Range " + cells.a1() + " holds " + count + " cells; inspect at most " + MAX_CELLS
                    + " at a time (for example " + new CellRange(cells.firstRow(), cells.firstRow() + DEFAULT_ROWS - 1,
                            cells.firstColumn(), Math.min(cells.lastColumn(), cells.firstColumn() + 25)).a1() + ").");
        }
        return workbook.cells(sheet, cells);
    }

    private static String size(CellRange range) {
        int rows = range.rowCount();
        int columns = range.columnCount();
        return rows + (rows == 1 ? " row" : " rows") + " x " + columns + (columns == 1 ? " column" : " columns");
    }

    /** A file or sheet name as the shell needs it typed. */
    private static String quoted(String name) {
        return name.matches("[A-Za-z0-9_./-]+") ? name : "'" + name.replace("'", "'\\''") + "'";
    }
}
