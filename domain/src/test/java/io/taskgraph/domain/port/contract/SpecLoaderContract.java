package io.taskgraph.domain.port.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.spec.WorkspaceSpec;
import io.taskgraph.domain.sql.QueryResult;
import io.taskgraph.domain.sql.RelationInfo;
import io.taskgraph.domain.sql.SqlFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link SpecLoader} must do, whatever language its specs are written in. An implementation's
 * test extends this class and serves each {@link Fixture} (described below) from {@link #request(Fixture)}.
 */
public abstract class SpecLoaderContract {
    /** The spec modules a loader under test must be able to serve. */
    public enum Fixture {
        /**
         * SEED.md's minimal spec: input {@code employees} ({@code columns} id, name, department, salary; six rows:
         * 1 Alice Engineering 120000, 2 Bob Engineering 110000, 3 Carol Sales 95000, 4 Dave Sales 90000,
         * 5 Eve Engineering 130000, 6 Frank HR 85000; ids and salaries integers), one task {@code summarize}
         * (inputs employees, outputs department_summary, output_columns department_summary: department,
         * headcount, total_salary, avg_salary) and no EXPORTS.
         */
        MINIMAL,
        /**
         * SEED.md's diamond: inputs {@code transactions} and {@code products}; tasks, in this order, prep
         * (transactions -> prepared_sales, prepared_costs), sales (prepared_sales, products -> sales_summary),
         * costs (prepared_costs -> costs_summary), report (sales_summary, costs_summary -> profit_report),
         * each with some prompt.
         */
        DIAMOND,
        /**
         * MINIMAL plus EXPORTS, in this order: {@code "summary.csv"} writes the rows of
         * {@code SELECT department, headcount FROM department_summary ORDER BY department} as CSV with a header
         * line and comma separators, and {@code "broken.csv"} fails with a message containing "no such report".
         */
        EXPORTS,
        /** A spec module with a mistake the loader must refuse (which mistake is the implementation's choice). */
        BROKEN,
        /** A spec module whose import never finishes by itself (it waits for something that never comes). */
        HANGING
    }

    @TempDir
    protected Path scratch;

    protected abstract SpecLoader loader();

    /** A request that loads {@code fixture}. */
    protected abstract SpecRequest request(Fixture fixture);

    @Test
    void minimalSpecDeclaresItsInputTaskAndModule() {
        try (SpecSession session = loader().open(request(Fixture.MINIMAL))) {
            WorkspaceSpec spec = session.spec();
            assertEquals(request(Fixture.MINIMAL).module(), spec.origin().module());
            assertEquals(List.of("employees"), spec.inputs().stream().map(InputSpec::name).toList());
            assertEquals(List.of("id", "name", "department", "salary"), spec.inputs().get(0).columns());
            TaskSpec task = spec.tasks().get(0);
            assertEquals("summarize", task.name());
            assertEquals(List.of("employees"), task.inputs());
            assertEquals(List.of("department_summary"), task.outputs());
            assertEquals(List.of("department", "headcount", "total_salary", "avg_salary"),
                    task.requiredColumns("department_summary"));
            assertFalse(task.prompt().isBlank(), "the prompt is kept");
            assertEquals(List.of(), spec.exports());
        }
    }

    @Test
    void diamondSpecKeepsTasksInDeclarationOrderWithTheirEdges() {
        try (SpecSession session = loader().open(request(Fixture.DIAMOND))) {
            WorkspaceSpec spec = session.spec();
            assertEquals(List.of("prep", "sales", "costs", "report"), spec.tasks().stream().map(TaskSpec::name).toList());
            assertEquals(List.of("prepared_sales", "products"), spec.task("sales").orElseThrow().inputs());
            assertEquals(List.of("prepared_sales", "prepared_costs"), spec.task("prep").orElseThrow().outputs());
            assertEquals(List.of("sales_summary", "costs_summary"), spec.task("report").orElseThrow().inputs());
            assertEquals(List.of("transactions", "products"), spec.inputs().stream().map(InputSpec::name).toList());
        }
    }

    @Test
    void materializeDescribesTheRowsColumnsAndTypesInDeclaredOrder() {
        try (SpecSession session = loader().open(request(Fixture.MINIMAL))) {
            TableSource source = session.materialize("employees", scratch);
            assertTrue(Files.isRegularFile(source.file()), "the rows are in a file: " + source.file());
            assertEquals(List.of(new Column("id", "BIGINT"), new Column("name", "VARCHAR"),
                    new Column("department", "VARCHAR"), new Column("salary", "BIGINT")), source.columns());
        }
    }

    @Test
    void materializingAnUndeclaredInputIsASpecErrorNamingIt() {
        try (SpecSession session = loader().open(request(Fixture.MINIMAL))) {
            InvalidSpecException e = assertThrows(InvalidSpecException.class,
                    () -> session.materialize("salaries", scratch));
            assertTrue(e.getMessage().contains("salaries"), e.getMessage());
        }
    }

    @Test
    void exportsWriteThroughTheWorkspaceAndAFailingOneIsCapturedWhileTheOthersRun() throws Exception {
        Path out = scratch.resolve("exports");
        Files.createDirectories(out);
        try (SpecSession session = loader().open(request(Fixture.EXPORTS))) {
            assertEquals(List.of("summary.csv", "broken.csv"), session.spec().exports());
            List<ExportResult> results = session.runExports(new SummaryReader(), out);
            assertEquals(List.of("summary.csv", "broken.csv"), results.stream().map(ExportResult::name).toList());
            ExportResult summary = results.get(0);
            assertTrue(summary.succeeded(), () -> "summary.csv failed: " + summary.error());
            assertEquals(List.of("department,headcount", "Engineering,3", "HR,1", "Sales,2"),
                    Files.readAllLines(summary.path()).stream().map(String::strip).toList());
            ExportResult broken = results.get(1);
            assertFalse(broken.succeeded());
            assertTrue(broken.error().orElseThrow().contains("no such report"), broken.error().orElseThrow());
        }
    }

    @Test
    void aSpecWithAMistakeIsRefusedNamingTheModule() {
        SpecRequest request = request(Fixture.BROKEN);
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> loader().open(request).close());
        assertTrue(e.getMessage().contains(request.module()), e.getMessage());
    }

    @Test
    void stopEndsAnImportThatNeverFinishesAndTheLoaderStartsNothingAfterwards() throws Exception {
        SpecLoader loader = loader();
        CompletableFuture<Throwable> importing = CompletableFuture.supplyAsync(() -> {
            try {
                loader.open(request(Fixture.HANGING)).close();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Thread.sleep(300); // most likely inside the import by now; stopping before it starts must fail it just the same
        loader.stop();
        Throwable stopped = importing.get(20, TimeUnit.SECONDS);
        assertTrue(stopped instanceof InvalidSpecException, "the hanging import ends with a spec error: " + stopped);
        assertThrows(InvalidSpecException.class, () -> loader.open(request(Fixture.MINIMAL)).close());
    }

    @Test
    void aReleasedSessionStillAnswersItsSpecAndRefusesFurtherWork() {
        try (SpecSession session = loader().open(request(Fixture.MINIMAL))) {
            List<String> warnings = session.warnings();
            session.release();
            session.release();
            assertEquals("summarize", session.spec().tasks().get(0).name());
            assertEquals(warnings, session.warnings());
            assertThrows(IllegalStateException.class, () -> session.materialize("employees", scratch));
            assertThrows(IllegalStateException.class, () -> session.runExports(new SummaryReader(), scratch));
        }
    }

    @Test
    void closingASessionTwiceIsHarmless() {
        SpecSession session = loader().open(request(Fixture.MINIMAL));
        session.close();
        session.close();
    }

    /** A finished workspace holding department_summary: Engineering 3, HR 1, Sales 2. */
    protected static final class SummaryReader implements SqlReader {

        @Override
        public QueryResult query(String sql, List<Object> parameters) {
            if (!sql.contains("department_summary")) {
                throw new SqlFailure("Catalog Error: this workspace only has department_summary");
            }
            if (sql.stripLeading().toUpperCase(java.util.Locale.ROOT).startsWith("DESCRIBE")) {
                return new QueryResult(List.of("column_name", "column_type"),
                        List.of(List.of("department", "VARCHAR"), List.of("headcount", "BIGINT")));
            }
            return new QueryResult(List.of("department", "headcount"),
                    List.of(List.of("Engineering", 3L), List.of("HR", 1L), List.of("Sales", 2L)));
        }

        @Override
        public Optional<RelationInfo> describe(String name) {
            return "department_summary".equals(name)
                    ? Optional.of(new RelationInfo(name, RelationInfo.Kind.VIEW,
                            List.of(new Column("department", "VARCHAR"), new Column("headcount", "BIGINT"))))
                    : Optional.empty();
        }
    }
}
