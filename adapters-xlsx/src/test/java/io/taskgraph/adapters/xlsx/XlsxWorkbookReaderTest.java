package io.taskgraph.adapters.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.Workbook;
import io.taskgraph.domain.testing.Workbooks;
import io.taskgraph.domain.testing.XlsxWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the contract does not say: damage found only while a sheet streams, and how dates are recognised. */
class XlsxWorkbookReaderTest {
    @TempDir
    Path dir;

    private final XlsxWorkbookReader reader = new XlsxWorkbookReader();

    @Test
    void aSheetWhoseXmlIsCutShortIsRefusedAsUnreadableWhenItIsRead() throws IOException {
        Path book = withBrokenSheet(XlsxWriter.write(dir.resolve("whole.xlsx"), Workbooks.sheets("People", List.of(
                List.of("id", "name"), List.of(1, "Ann"), List.of(2, "Bob")))), dir.resolve("cut.xlsx"));

        try (Workbook workbook = reader.open(book)) {
            String message = assertThrows(UsageException.class, workbook::sheets).getMessage();
            assertTrue(message.startsWith(book + " is not a readable .xlsx workbook ("), message);
        }
        TableSource source = new TableSource(book, SourceFormat.XLSX, List.of(), Optional.empty(), "file cut.xlsx");
        String message = assertThrows(WorkspaceException.class,
                () -> reader.sheetAsTable("people", source, dir.resolve("scratch"))).getMessage();
        assertTrue(message.startsWith("Could not ingest input 'people' from file cut.xlsx: " + book
                + " is not a readable .xlsx workbook ("), message);
        try (var left = Files.list(dir.resolve("scratch"))) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void aNumberCellIsADateWhenItsFormatHasADateOrTimeCodeOutsideQuotesAndBrackets() {
        for (String date : List.of("yyyy-mm-dd", "d/m/yy", "h:mm", "[$-409]mmmm d, yyyy", "dd\\.mm\\.yyyy")) {
            assertTrue(XlsxCells.isDateFormat(date), date);
        }
        for (String number : List.of("General", "0.00", "#,##0", "[Red]0.00", "0 \"days\"", "\\d0", "")) {
            assertFalse(XlsxCells.isDateFormat(number), number);
        }
    }

    /** A copy of {@code whole} whose first sheet's XML stops in the middle of a row. */
    private static Path withBrokenSheet(Path whole, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(whole); ZipInputStream zip = new ZipInputStream(in);
             OutputStream out = Files.newOutputStream(target); ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] bytes = zip.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    bytes = xml.substring(0, xml.indexOf("<row r=\"3\"") + 12).getBytes(StandardCharsets.UTF_8);
                }
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(bytes);
                copy.closeEntry();
            }
        }
        return target;
    }
}
