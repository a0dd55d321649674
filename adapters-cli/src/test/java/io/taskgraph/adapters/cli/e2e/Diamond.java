package io.taskgraph.adapters.cli.e2e;

import io.taskgraph.adapters.cli.e2e.FakeModelServer.Reply;

/**
 * SEED.md's diamond DAG as a spec module with data, a validate_sql check and an export, plus the fake model's
 * script that solves it. Each prompt starts with a [task] marker the fake server recognises.
 */
final class Diamond {
    static final String SPEC = """
            TRANSACTIONS = [
                {"id": 1, "kind": "sale", "product": "apple", "amount": 30},
                {"id": 2, "kind": "sale", "product": "pear", "amount": 20},
                {"id": 3, "kind": "cost", "product": "apple", "amount": 25},
                {"id": 4, "kind": "sale", "product": "apple", "amount": 10},
            ]

            INPUTS = {
                "transactions": {
                    "data": TRANSACTIONS,
                    "columns": ["id", "kind", "product", "amount"],
                    "validate_sql": ["SELECT 'negative amount in ' || id FROM transactions WHERE amount < 0"],
                },
                "products": {"product": ["apple", "pear"], "category": ["fruit", "fruit"]},
            }

            TASKS = [
                {"name": "prep", "prompt": "[prep] Split the transactions into sales and costs.",
                 "inputs": ["transactions"], "outputs": ["prepared_sales", "prepared_costs"]},
                {"name": "sales", "prompt": "[sales] Total sales per product.",
                 "inputs": ["prepared_sales", "products"], "outputs": ["sales_summary"],
                 "output_columns": {"sales_summary": ["product", "total"]}},
                {"name": "costs", "prompt": "[costs] Total costs.",
                 "inputs": ["prepared_costs"], "outputs": ["costs_summary"]},
                {"name": "report", "prompt": "[report] Profit: sales minus costs.",
                 "inputs": ["sales_summary", "costs_summary"], "outputs": ["profit_report"],
                 "validate_sql": ["SELECT 'profit should be 35, not ' || profit FROM profit_report WHERE profit <> 35"]},
            ]


            def export_report(conn, path):
                profit = conn.execute("SELECT profit FROM profit_report").fetchone()[0]
                path.write_text("profit\\n%s\\n" % profit)


            EXPORTS = {"report.csv": export_report}
            """;

    static final String PREP_SALES = "CREATE VIEW prepared_sales AS SELECT id, product, amount FROM transactions "
            + "WHERE kind = 'sale'";
    static final String PREP_COSTS = "CREATE VIEW prepared_costs AS SELECT id, product, amount FROM transactions "
            + "WHERE kind = 'cost'";
    static final String SALES = "CREATE VIEW sales_summary AS SELECT product, sum(amount) AS total FROM prepared_sales "
            + "GROUP BY product";
    static final String COSTS = "CREATE VIEW costs_summary AS SELECT sum(amount) AS total FROM prepared_costs";
    static final String REPORT = "CREATE VIEW profit_report AS SELECT (SELECT sum(total) FROM sales_summary) - "
            + "(SELECT total FROM costs_summary) AS profit";

    private Diamond() {
    }

    /** Every task solved on its first try: one turn of SQL, one final answer. */
    static FakeModelServer solve(FakeModelServer model) {
        return model
                .script("[prep]", Reply.sql(PREP_SALES, PREP_COSTS), Reply.answer("Both views exist."))
                .script("[sales]", Reply.sql(SALES), Reply.answer("Done."))
                .script("[costs]", Reply.sql(COSTS), Reply.answer("Done."))
                .script("[report]", Reply.sql(REPORT), Reply.answer("Done."));
    }
}
