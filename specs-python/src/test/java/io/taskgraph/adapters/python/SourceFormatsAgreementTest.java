package io.taskgraph.adapters.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input formats are listed once on each side of the bridge: Java's {@link SourceFormat} and the bridge's
 * {@code _taskgraph_bridge/formats.py}. The real python3 reads the bridge's table here, so the two cannot drift.
 */
class SourceFormatsAgreementTest {
    private static final String PRINT_TABLE = """
            import json, sys
            sys.path.insert(0, sys.argv[1])
            from _taskgraph_bridge import formats
            print(json.dumps({"formats": [[name, list(suffixes)] for name, suffixes in formats.FORMATS.items()],
                              "workbooks": list(formats.WORKBOOK_FORMATS)}))
            """;

    @TempDir
    Path tmp;

    @Test
    void theBridgeListsJavasFormatsWithTheSameSuffixesInTheSameOrder() throws Exception {
        List<List<Object>> java = new ArrayList<>();
        for (SourceFormat format : SourceFormat.values()) {
            java.add(List.of(format.name(), format.fileSuffixes()));
        }
        assertEquals(java, bridgeTable().get("formats"));
    }

    @Test
    void theBridgesWorkbookFormatsAreTheOnesJavaReadsWithTheWorkbookReader() throws Exception {
        List<String> java = Arrays.stream(SourceFormat.values())
                .filter(f -> f.readBy() == SourceFormat.ReadBy.WORKBOOK_READER).map(Enum::name).toList();
        assertEquals(List.of("XLSX"), java);
        assertEquals(java, bridgeTable().get("workbooks"));
    }

    @Test
    void everyFormatTheBridgeWritesItselfIsOneJavaReads() throws IOException {
        String sources = Files.readString(Path.of(
                "src/main/resources/io/taskgraph/adapters/python/_taskgraph_bridge/sources.py"));
        Matcher written = Pattern.compile("_source\\(path, \"([A-Z_]+)\"").matcher(sources);
        List<String> names = new ArrayList<>();
        while (written.find()) {
            names.add(written.group(1));
        }
        assertTrue(names.containsAll(List.of("PARQUET", "COLUMNAR_NDJSON")), "found the files it writes: " + names);
        for (String name : names) {
            assertEquals(SourceFormat.ReadBy.ENGINE, SourceFormat.valueOf(name).readBy(), name);
        }
    }

    /** The bridge's table as the machine's python3 imports it from the unpacked bridge. */
    private Map<String, Object> bridgeTable() throws IOException, InterruptedException {
        Path bridge = BridgeFiles.extract(tmp);
        String python = PythonSelector.select(tmp, System.getenv()).executable();
        Process process = new ProcessBuilder(python, "-c", PRINT_TABLE, bridge.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        assertTrue(out.strip().startsWith("{"), out);
        return Json.parseObject(out.strip());
    }
}
