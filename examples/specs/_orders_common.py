"""Shared task definitions for the month-to-month example (orders_jan and orders_feb).

Only the data differs from month to month, so the structure (and the structural fingerprint)
stays the same and `taskgraph rerun jan.db -o feb.db --spec specs.orders_feb` can reuse January's views.
"""

from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"

ORDER_COLUMNS = ["order_id", "ordered_at", "channel", "country", "net_amount", "status"]


def inputs_for(file_name):
    return {
        "orders": {
            "data": DATA / file_name,
            "columns": ORDER_COLUMNS,
            "validate_sql": [
                "SELECT 'order ' || order_id || ' has a negative amount' FROM orders WHERE net_amount < 0",
            ],
        },
    }


TASKS = [
    {
        "name": "clean",
        "prompt": (
            "Normalise the orders into view clean_orders(order_id, order_date, channel, country, net_amount, "
            "counts). channel: one of 'web', 'store', 'phone', 'marketplace' (case and spaces vary; "
            "'marketplace:<name>' is 'marketplace'). country: upper case, 'unknown' when empty. "
            "counts: true for paid orders, false for refunded or cancelled ones."
        ),
        "inputs": ["orders"],
        "outputs": ["clean_orders"],
        "output_columns": {
            "clean_orders": ["order_id", "order_date", "channel", "country", "net_amount", "counts"],
        },
        "validate_sql": [
            "SELECT 'order ' || order_id || ' has channel ' || channel FROM clean_orders "
            "WHERE channel NOT IN ('web', 'store', 'phone', 'marketplace')",
            "SELECT 'rows lost' WHERE (SELECT count(*) FROM clean_orders) <> (SELECT count(*) FROM orders)",
        ],
    },
    {
        "name": "kpis",
        "prompt": (
            "Create view channel_kpis(channel, orders, revenue, avg_order_value) over the orders that "
            "count: number of orders, sum of net_amount and the mean rounded to cents, one row per channel."
        ),
        "inputs": ["clean_orders"],
        "outputs": ["channel_kpis"],
        "output_columns": {"channel_kpis": ["channel", "orders", "revenue", "avg_order_value"]},
        "validate_sql": [
            "SELECT 'revenue does not add up' WHERE (SELECT round(sum(revenue), 2) FROM channel_kpis) "
            "<> (SELECT round(sum(net_amount), 2) FROM clean_orders WHERE counts)",
        ],
    },
]
