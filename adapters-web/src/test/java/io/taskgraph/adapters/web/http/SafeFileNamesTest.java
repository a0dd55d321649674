package io.taskgraph.adapters.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.web.error.Problem;
import io.taskgraph.adapters.web.error.WebException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeFileNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"sales.csv", "Q1 report.xlsx", "données.csv", ".hidden", "a..b.csv"})
    void plainNamesPass(String name) {
        assertEquals(name, SafeFileNames.plainName(name, "Upload name"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "..|names a directory",
        ".|names a directory",
        "../secret.csv|contains a path separator",
        "/etc/passwd|contains a path separator",
        "dir/file.csv|contains a path separator",
        "..\\\\windows.ini|contains a path separator",
        "C:evil.csv|is an absolute path",
        "' padded.csv'|starts or ends with white space",
    })
    void namesThatCouldLeaveTheFolderAreRefusedWithTheReason(String name, String reason) {
        WebException e = assertThrows(WebException.class, () -> SafeFileNames.plainName(name, "Upload name"));
        assertEquals(Problem.BAD_INPUT, e.problem());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().startsWith("Upload name '"), e.getMessage());
    }

    @Test
    void controlCharactersAndEmptyNamesAreRefused() {
        assertTrue(assertThrows(WebException.class, () -> SafeFileNames.plainName("a\u0000b", "Upload name"))
                .getMessage().contains("control character"));
        assertTrue(assertThrows(WebException.class, () -> SafeFileNames.plainName("", "Upload name"))
                .getMessage().contains("is empty"));
        assertTrue(assertThrows(WebException.class, () -> SafeFileNames.plainName("x".repeat(256), "Upload name"))
                .getMessage().contains("longer than 255"));
    }

    @Test
    void anExistingFileIsFoundOnlyDirectlyInsideTheFolder(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("run"));
        Files.writeString(folder.resolve("report.csv"), "a\n");
        Files.writeString(dir.resolve("outside.csv"), "secret\n");
        Files.createSymbolicLink(folder.resolve("link.csv"), dir.resolve("outside.csv"));

        assertEquals(folder.resolve("report.csv"), SafeFileNames.existingFileIn(folder, "report.csv", "Export"));
        assertEquals(Problem.NOT_FOUND, assertThrows(WebException.class,
                () -> SafeFileNames.existingFileIn(folder, "missing.csv", "Export")).problem());
        assertEquals(Problem.NOT_FOUND, assertThrows(WebException.class,
                () -> SafeFileNames.existingFileIn(folder, "link.csv", "Export")).problem());
        assertEquals(Problem.BAD_INPUT, assertThrows(WebException.class,
                () -> SafeFileNames.existingFileIn(folder, "../outside.csv", "Export")).problem());
    }
}
