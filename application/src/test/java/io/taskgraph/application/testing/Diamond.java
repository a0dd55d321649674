package io.taskgraph.application.testing;

import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.testing.InMemorySpec;
import io.taskgraph.domain.testing.Turn;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SEED.md's diamond DAG as a test fixture: prep splits transactions into sales and costs, sales and costs
 * summarise them (in parallel), report combines both. Includes the SQL each scripted agent writes.
 */
public final class Diamond {
    public static final String MODULE = "shop.specs.main";

    public static final List<Column> TRANSACTION_COLUMNS = List.of(new Column("id", "BIGINT"),
            new Column("kind", "VARCHAR"), new Column("product", "VARCHAR"), new Column("amount", "DECIMAL(10,2)"),
            new Column("day", "DATE"));
    public static final List<Column> PRODUCT_COLUMNS = List.of(new Column("product", "VARCHAR"),
            new Column("category", "VARCHAR"));

    public static final String PREP_SALES = "CREATE OR REPLACE VIEW prepared_sales AS "
            + "SELECT id, product, amount, day FROM transactions WHERE kind = 'sale'";
    public static final String PREP_COSTS = "CREATE OR REPLACE VIEW prepared_costs AS "
            + "SELECT id, product, amount, day FROM transactions WHERE kind = 'cost'";
    public static final String SALES = "CREATE OR REPLACE VIEW sales_summary AS SELECT p.category, "
            + "sum(s.amount) AS revenue FROM prepared_sales s JOIN products p USING (product) GROUP BY ALL ORDER BY ALL";
    public static final String COSTS = "CREATE OR REPLACE VIEW costs_summary AS "
            + "SELECT sum(amount) AS total_cost, count(*) AS cost_lines FROM prepared_costs";
    public static final String REPORT = "CREATE OR REPLACE VIEW profit_report AS SELECT r.revenue, "
            + "c.total_cost AS cost, r.revenue - c.total_cost AS profit "
            + "FROM (SELECT sum(revenue) AS revenue FROM sales_summary) r, costs_summary c";

    private Diamond() {
    }

    public static TaskSpec prep() {
        return new TaskSpec("prep", "Split the transactions into sales and costs.", List.of(), false,
                List.of("transactions"), List.of("prepared_sales", "prepared_costs"),
                Map.of("prepared_sales", List.of("id", "product", "amount"),
                        "prepared_costs", List.of("id", "product", "amount")), List.of());
    }

    public static TaskSpec sales() {
        return new TaskSpec("sales", "Sum sales revenue by product category.", List.of(), false,
                List.of("prepared_sales", "products"), List.of("sales_summary"),
                Map.of("sales_summary", List.of("category", "revenue")),
                List.of("SELECT 'negative revenue in ' || category FROM sales_summary WHERE revenue < 0"));
    }

    public static TaskSpec costs() {
        return new TaskSpec("costs", "Total the costs.", List.of(), false, List.of("prepared_costs"),
                List.of("costs_summary"), Map.of("costs_summary", List.of("total_cost")), List.of());
    }

    public static TaskSpec report() {
        return new TaskSpec("report", "Report revenue, cost and profit.", List.of(), false,
                List.of("sales_summary", "costs_summary"), List.of("profit_report"),
                Map.of("profit_report", List.of("revenue", "cost", "profit")), List.of());
    }

    public static List<TaskSpec> tasks() {
        return List.of(prep(), sales(), costs(), report());
    }

    public static List<Map<String, Object>> transactions() {
        return List.of(
                row("id", 1, "kind", "sale", "product", "apple", "amount", 10.50, "day", LocalDate.of(2026, 1, 3)),
                row("id", 2, "kind", "sale", "product", "pear", "amount", 4.25, "day", LocalDate.of(2026, 1, 4)),
                row("id", 3, "kind", "cost", "product", "apple", "amount", 3.00, "day", LocalDate.of(2026, 1, 4)),
                row("id", 4, "kind", "sale", "product", "kale", "amount", 7.00, "day", LocalDate.of(2026, 1, 5)),
                row("id", 5, "kind", "cost", "product", "kale", "amount", 2.50, "day", LocalDate.of(2026, 1, 6)));
    }

    public static List<Map<String, Object>> products() {
        return List.of(row("product", "apple", "category", "fruit"), row("product", "pear", "category", "fruit"),
                row("product", "kale", "category", "vegetable"));
    }

    /** The diamond spec with both inputs; add exports or more tasks on the returned builder. */
    public static InMemorySpec.Builder spec() {
        return specWith();
    }

    /** The diamond spec with some tasks replaced by these (matched by name), in the usual order. */
    public static InMemorySpec.Builder specWith(TaskSpec... replacements) {
        Map<String, TaskSpec> byName = new LinkedHashMap<>();
        tasks().forEach(t -> byName.put(t.name(), t));
        for (TaskSpec replacement : replacements) {
            if (byName.put(replacement.name(), replacement) == null) {
                throw new IllegalArgumentException("the diamond has no task " + replacement.name());
            }
        }
        return InMemorySpec.module(MODULE)
                .input(new InputSpec("transactions", List.of("id", "kind", "amount"), List.of()),
                        TRANSACTION_COLUMNS, transactions())
                .input("products", PRODUCT_COLUMNS, products())
                .tasks(List.copyOf(byName.values()));
    }

    /** The turns each agent plays: build its views, then say it is done. */
    public static Map<String, List<Turn>> script() {
        Map<String, List<Turn>> turns = new LinkedHashMap<>();
        turns.put("prep", List.of(Turn.sql("SELECT DISTINCT kind FROM transactions"), Turn.sql(PREP_SALES, PREP_COSTS),
                Turn.answer("prepared_sales and prepared_costs split the transactions by kind.")));
        turns.put("sales", List.of(Turn.sql(SALES), Turn.answer("sales_summary sums revenue per category.")));
        turns.put("costs", List.of(Turn.sql(COSTS), Turn.answer("costs_summary totals the costs.")));
        turns.put("report", List.of(Turn.sql(REPORT), Turn.answer("profit_report is revenue minus cost.")));
        return turns;
    }

    public static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }
}
