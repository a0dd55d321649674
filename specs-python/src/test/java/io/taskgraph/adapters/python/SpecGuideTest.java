package io.taskgraph.adapters.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.spec.InputSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ```python block of docs/SPEC_GUIDE.md is a complete spec module: each one loads, every input
 * ingests into DuckDB with its required columns, and every input check passes on the example's own data.
 */
class SpecGuideTest {
    private static final Path GUIDE = Path.of("../docs/SPEC_GUIDE.md");
    private static final Pattern PYTHON_BLOCK = Pattern.compile("```python\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path app;
    @TempDir
    Path scratch;

    @Test
    void everyPythonExampleInTheGuideIsASpecThatLoadsAndIngests() throws Exception {
        List<String> blocks = new ArrayList<>();
        Matcher m = PYTHON_BLOCK.matcher(Files.readString(GUIDE));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertTrue(blocks.size() >= 7, "expected the guide's examples, found " + blocks.size());
        // the data files the examples name, as a user's repository would have them
        Files.createDirectories(app.resolve("data"));
        Files.writeString(app.resolve("data/payments.csv"), "id,ccy,amount\n1,EUR,100.0\n2,USD,50.5\n");
        Files.writeString(app.resolve("data/ledger.ndjson"), "{\"account\": 1, \"amount\": 5.0}\n");
        Files.writeString(app.resolve("data/orders_2026_02.csv"), "id,amount\n1,10.5\n2,20\n");
        Files.copy(PythonFixtures.SOURCE.resolve("data/invoices.xlsx"), app.resolve("data/invoices.xlsx"));
        Files.createDirectories(app.resolve("guide"));
        PythonSpecLoader loader = PythonFixtures.loader(line -> { });
        for (int i = 0; i < blocks.size(); i++) {
            String module = "guide.example_" + (i + 1);
            Files.writeString(app.resolve("guide/example_" + (i + 1) + ".py"), blocks.get(i));
            try (SpecSession session = loader.open(SpecRequest.of(module, app)); DuckDbReader db = new DuckDbReader()) {
                assertTrue(!session.spec().tasks().isEmpty(), module + " declares tasks");
                for (InputSpec input : session.spec().inputs()) {
                    TableSource source = session.materialize(input.name(), scratch);
                    if (source.format() == SourceFormat.XLSX) {
                        // The workbook reader (adapters-xlsx) reads workbooks, this reader does not: adapters-cli's
                        // FileInputsTest ingests this example through the real reader and engine.
                        assertTrue(Files.isRegularFile(source.file()), module + ": " + source.file());
                        continue;
                    }
                    db.ingest(input.name(), source);
                    List<String> columns = db.columns(input.name()).stream().map(Column::name).toList();
                    assertTrue(columns.containsAll(input.columns()), module + ": " + input.name() + " has " + columns);
                    for (String check : input.validateSql()) {
                        assertEquals(0, db.query(check).rowCount(), module + ": " + check);
                    }
                }
            } catch (RuntimeException e) {
                throw new AssertionError("SPEC_GUIDE.md example " + (i + 1) + " failed: " + e.getMessage(), e);
            }
        }
    }
}
