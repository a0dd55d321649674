# SEED.md's rich input form: data from a callable, required columns and validate_sql checks,
# next to the simple forms (callable, list of dicts, dict of columns).
import datetime


def load_invoices():
    return [
        {"id": 1, "amount": 250.0, "date": datetime.date(2026, 1, 5)},
        {"id": 2, "amount": 99.5, "date": datetime.date(2026, 1, 9)},
    ]


def load_sales():
    return {"region": ["north", "south"], "total": [10, 20]}


INPUTS = {
    "invoices": {
        "data": load_invoices,
        "columns": ["id", "amount", "date"],
        "validate_sql": [
            "SELECT 'null amount' FROM invoices WHERE amount IS NULL",
        ],
    },
    "sales": load_sales,
    "rates": [{"ccy": "USD", "rate": 1.0}, {"ccy": "EUR", "rate": 1.1}],
    "config": {"key": ["a", "b"], "val": [1, 2]},
}

TASKS = [
    {
        "name": "match",
        "prompt": "Match invoices to sales by amount.",
        "inputs": ["invoices", "sales"],
        "outputs": ["output"],
        "output_columns": {"output": ["left_id", "right_id"]},
        "validate_sql": [
            "SELECT * FROM output WHERE left_id IS NULL AND right_id IS NULL",
        ],
    },
]
