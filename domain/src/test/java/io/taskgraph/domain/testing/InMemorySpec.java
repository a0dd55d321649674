package io.taskgraph.domain.testing;

import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.spec.GitInfo;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.SpecOrigin;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One in-memory spec module for {@link InMemorySpecLoader}: the declared spec, each input's rows with their column
 * types, export functions, loader warnings, and inputs whose loading fails.
 */
public final class InMemorySpec {
    /** An EXPORTS entry: writes {@code file} from the workspace; throwing marks the export failed. */
    @FunctionalInterface
    public interface ExportFunction {
        void write(SqlReader workspace, Path file) throws Exception;
    }

    /** An input's data: column names and DuckDB types in order, and rows as column -> value maps. */
    public record InputData(List<Column> columns, List<Map<String, Object>> rows) {
        public InputData {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    private final WorkspaceSpec spec;
    private final Map<String, InputData> data;
    private final Map<String, TableSource> files;
    private final Map<String, String> failingInputs;
    private final Map<String, ExportFunction> exports;
    private final List<String> warnings;

    private InMemorySpec(Builder b) {
        this.spec = new WorkspaceSpec(new SpecOrigin(b.module, Path.of(b.module.replace('.', '/') + ".py"), b.source,
                b.git), b.inputs, b.tasks, List.copyOf(b.exports.keySet()));
        this.data = Map.copyOf(b.data);
        this.files = Map.copyOf(b.files);
        this.failingInputs = Map.copyOf(b.failingInputs);
        this.exports = new LinkedHashMap<>(b.exports);
        this.warnings = List.copyOf(b.warnings);
    }

    public static Builder module(String module) {
        return new Builder(module);
    }

    public String module() {
        return spec.origin().module();
    }

    public WorkspaceSpec spec() {
        return spec;
    }

    Optional<InputData> data(String input) {
        return Optional.ofNullable(data.get(input));
    }

    Optional<TableSource> file(String input) {
        return Optional.ofNullable(files.get(input));
    }

    Optional<String> failure(String input) {
        return Optional.ofNullable(failingInputs.get(input));
    }

    Map<String, ExportFunction> exports() {
        return exports;
    }

    List<String> warnings() {
        return warnings;
    }

    public static final class Builder {
        private final String module;
        private String source;
        private GitInfo git = GitInfo.unknown();
        private final List<InputSpec> inputs = new ArrayList<>();
        private final Map<String, InputData> data = new LinkedHashMap<>();
        private final Map<String, TableSource> files = new LinkedHashMap<>();
        private final Map<String, String> failingInputs = new LinkedHashMap<>();
        private final List<TaskSpec> tasks = new ArrayList<>();
        private final Map<String, ExportFunction> exports = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();

        private Builder(String module) {
            this.module = module;
            this.source = "# spec module " + module + " (in memory)\n";
        }

        /** An input with no required columns or checks. */
        public Builder input(String name, List<Column> columns, List<Map<String, Object>> rows) {
            return input(InputSpec.of(name), columns, rows);
        }

        /** An input with its declared requirements ({@code spec.columns()}, {@code spec.validateSql()}). */
        public Builder input(InputSpec spec, List<Column> columns, List<Map<String, Object>> rows) {
            inputs.add(spec);
            data.put(spec.name(), new InputData(columns, rows));
            return this;
        }

        /** An input read from a file of the user's (like {@code "data": "sales.csv"}). */
        public Builder fileInput(InputSpec spec, Path file, SourceFormat format) {
            return fileInput(spec, new TableSource(file, format, List.of(), Optional.empty(), "file " + file));
        }

        /** An input read from a file as {@code source} describes it (a workbook with a sheet, say). */
        public Builder fileInput(InputSpec spec, TableSource source) {
            inputs.add(spec);
            files.put(spec.name(), source);
            return this;
        }

        /** An input whose loading fails with {@code message} (like a callable that raises). */
        public Builder failingInput(String name, String message) {
            inputs.add(InputSpec.of(name));
            failingInputs.put(name, message);
            return this;
        }

        public Builder task(TaskSpec task) {
            tasks.add(task);
            return this;
        }

        public Builder tasks(List<TaskSpec> more) {
            tasks.addAll(more);
            return this;
        }

        public Builder export(String fileName, ExportFunction function) {
            exports.put(fileName, function);
            return this;
        }

        public Builder git(GitInfo info) {
            this.git = info;
            return this;
        }

        public Builder source(String text) {
            this.source = text;
            return this;
        }

        public Builder warning(String message) {
            warnings.add(message);
            return this;
        }

        public InMemorySpec build() {
            return new InMemorySpec(this);
        }
    }
}
