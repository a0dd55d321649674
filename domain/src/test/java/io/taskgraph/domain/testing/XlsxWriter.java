package io.taskgraph.domain.testing;

import io.taskgraph.domain.workbook.CellRange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the smallest .xlsx a spreadsheet program opens: one worksheet per entry, cells as inline strings,
 * numbers, booleans, dates ({@link LocalDate}), dates with a time ({@link LocalDateTime}) and {@link Formula}s
 * (null leaves the cell out). For tests that need a workbook of a particular shape.
 */
public final class XlsxWriter {
    /** Day 0 of the serial numbers a workbook stores dates as. */
    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);
    private static final int DATE_STYLE = 1;
    private static final int DATE_TIME_STYLE = 2;

    /** A formula cell and the value a spreadsheet program last computed for it (null: never computed). */
    public record Formula(String expression, Number computed) {
    }

    private XlsxWriter() {
    }

    /** Writes {@code sheets} (name → rows from A1 down) to {@code file}, in map order. */
    public static Path write(Path file, Map<String, List<List<Object>>> sheets) {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            StringBuilder overrides = new StringBuilder();
            StringBuilder sheetList = new StringBuilder();
            StringBuilder relations = new StringBuilder();
            int n = 0;
            for (Map.Entry<String, List<List<Object>>> sheet : sheets.entrySet()) {
                n++;
                overrides.append("<Override PartName=\"/xl/worksheets/sheet").append(n).append(".xml\" ContentType=\"")
                        .append("application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
                sheetList.append("<sheet name=\"").append(escape(sheet.getKey())).append("\" sheetId=\"").append(n)
                        .append("\" r:id=\"rId").append(n).append("\"/>");
                relations.append("<Relationship Id=\"rId").append(n).append("\" Type=\"http://schemas.openxmlformats.org/")
                        .append("officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet").append(n)
                        .append(".xml\"/>");
                entry(zip, "xl/worksheets/sheet" + n + ".xml", worksheet(sheet.getValue()));
            }
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                    + overrides + "</Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                    + sheetList + "</sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + relations + "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                    + "<Relationship Id=\"rIdStrings\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            // Readers look for the style sheet (number formats mark dates) and the shared strings even when unused.
            entry(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/>"
                    + "<numFmt numFmtId=\"165\" formatCode=\"yyyy-mm-dd h:mm:ss\"/></numFmts>"
                    + "<fonts count=\"1\"><font/></fonts><fills count=\"1\"><fill/></fills>"
                    + "<borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf/></cellStyleXfs>"
                    + "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\" applyNumberFormat=\"1\"/>"
                    + "<xf numFmtId=\"165\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
            entry(zip, "xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"0\" "
                    + "uniqueCount=\"0\"/>");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String worksheet(List<List<Object>> rows) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            xml.append("<row r=\"").append(r + 1).append("\">");
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Object value = row.get(c);
                if (value == null) {
                    continue;
                }
                String ref = CellRange.columnName(c) + (r + 1);
                if (value instanceof Boolean b) {
                    xml.append("<c r=\"").append(ref).append("\" t=\"b\"><v>").append(b ? 1 : 0).append("</v></c>");
                } else if (value instanceof Number number) {
                    xml.append("<c r=\"").append(ref).append("\"><v>").append(number).append("</v></c>");
                } else if (value instanceof LocalDate date) {
                    xml.append("<c r=\"").append(ref).append("\" s=\"").append(DATE_STYLE).append("\"><v>")
                            .append(ChronoUnit.DAYS.between(EPOCH, date)).append("</v></c>");
                } else if (value instanceof LocalDateTime time) {
                    double serial = ChronoUnit.DAYS.between(EPOCH, time.toLocalDate())
                            + time.toLocalTime().toSecondOfDay() / 86_400.0;
                    xml.append("<c r=\"").append(ref).append("\" s=\"").append(DATE_TIME_STYLE).append("\"><v>")
                            .append(serial).append("</v></c>");
                } else if (value instanceof Formula formula) {
                    xml.append("<c r=\"").append(ref).append("\"><f>").append(escape(formula.expression())).append("</f>")
                            .append(formula.computed() == null ? "<v/>" : "<v>" + formula.computed() + "</v>").append("</c>");
                } else {
                    xml.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(escape(value.toString()))
                            .append("</t></is></c>");
                }
            }
            xml.append("</row>");
        }
        return xml.append("</sheetData></worksheet>").toString();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
