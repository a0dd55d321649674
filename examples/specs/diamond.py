"""A diamond-shaped DAG over a small café's transactions.

        prep
       /    \\
   sales    costs
       \\    /
       report

`sales` and `costs` only need `prep`, so they run at the same time; `report` waits for both.
"""
import csv
import datetime
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def load_transactions():
    """Every sale and cost line as the till exported it; cost amounts are text, some with a euro sign."""
    rows = []
    with open(DATA / "transactions.csv", newline="") as f:
        for r in csv.DictReader(f):
            rows.append({
                "txn_id": int(r["txn_id"]),
                "date": datetime.date.fromisoformat(r["date"]),
                "kind": r["kind"],
                "product_id": int(r["product_id"]) if r["product_id"] else None,
                "quantity": int(r["quantity"]) if r["quantity"] else None,
                "vendor": r["vendor"] or None,
                "amount": r["amount"] or None,
            })
    return rows


def load_products():
    with open(DATA / "products.csv", newline="") as f:
        return [
            {"product_id": int(r["product_id"]), "name": r["name"], "category": r["category"],
             "unit_price": float(r["unit_price"])}
            for r in csv.DictReader(f)
        ]


INPUTS = {
    "transactions": {
        "data": load_transactions,
        "columns": ["txn_id", "date", "kind", "product_id", "quantity", "vendor", "amount"],
        "validate_sql": [
            "SELECT 'unknown kind: ' || kind FROM transactions WHERE kind NOT IN ('sale', 'cost')",
        ],
    },
    "products": {
        "data": load_products,
        "columns": ["product_id", "name", "category", "unit_price"],
    },
}

TASKS = [
    {
        "name": "prep",
        "prompt": (
            "Split the transactions into two clean views.\n"
            "prepared_sales: the sale lines with txn_id, date, month (first day of the month, DATE), "
            "product_id and quantity.\n"
            "prepared_costs: the cost lines with txn_id, date, month (as above), vendor and amount as a "
            "DECIMAL(12,2) parsed from the text (strip the euro sign and thousands separators)."
        ),
        "inputs": ["transactions"],
        "outputs": ["prepared_sales", "prepared_costs"],
        "output_columns": {
            "prepared_sales": ["txn_id", "date", "month", "product_id", "quantity"],
            "prepared_costs": ["txn_id", "date", "month", "vendor", "amount"],
        },
        "validate_sql": [
            "SELECT 'cost ' || txn_id || ' has no amount' FROM prepared_costs WHERE amount IS NULL",
            "SELECT 'lines lost: ' || (SELECT count(*) FROM transactions) "
            "WHERE (SELECT count(*) FROM prepared_sales) + (SELECT count(*) FROM prepared_costs) "
            "<> (SELECT count(*) FROM transactions)",
        ],
    },
    {
        "name": "sales",
        "prompt": (
            "Compute monthly revenue as view sales_summary(month, units, revenue): units is the total "
            "quantity sold, revenue the sum of quantity times the product's unit_price, rounded to cents."
        ),
        "inputs": ["prepared_sales", "products"],
        "outputs": ["sales_summary"],
        "output_columns": {"sales_summary": ["month", "units", "revenue"]},
    },
    {
        "name": "costs",
        "prompt": "Compute monthly costs as view costs_summary(month, cost): the sum of the cost amounts.",
        "inputs": ["prepared_costs"],
        "outputs": ["costs_summary"],
        "output_columns": {"costs_summary": ["month", "cost"]},
    },
    {
        "name": "report",
        "prompt": (
            "Join the monthly sales and costs into view profit_report(month, revenue, cost, profit), one "
            "row per month that has sales or costs (missing side counts as 0), ordered by month."
        ),
        "inputs": ["sales_summary", "costs_summary"],
        "outputs": ["profit_report"],
        "output_columns": {"profit_report": ["month", "revenue", "cost", "profit"]},
        "validate_sql": [
            "SELECT strftime(month, '%Y-%m') || ': profit is not revenue minus cost' "
            "FROM profit_report WHERE profit <> revenue - cost",
        ],
    },
]


def export_report(conn, path):
    """Writes the profit report as CSV with the standard library only."""
    cur = conn.execute("SELECT * FROM profit_report ORDER BY month")
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([d[0] for d in cur.description])
        writer.writerows(cur.fetchall())


EXPORTS = {
    "profit_report.csv": export_report,
}
