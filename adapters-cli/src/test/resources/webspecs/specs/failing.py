# The web tests' spec that does not get there, each task for its own reason: an agent that makes no progress,
# a task blocked by it, and SQL whose output fails its check.
INPUTS = {"orders": [{"id": 1, "amount": 5}, {"id": 2, "amount": -3}]}

TASKS = [
    {
        "name": "clean",
        "prompt": "[script:idle] Keep the orders with a positive amount in 'clean_orders'.",
        "inputs": ["orders"],
        "outputs": ["clean_orders"],
    },
    {
        "name": "total",
        "prompt": "[script:total] Sum the clean orders into 'order_total'.",
        "inputs": ["clean_orders"],
        "outputs": ["order_total"],
    },
    {
        "name": "checked",
        "sql": "CREATE VIEW checked AS SELECT * FROM orders",
        "inputs": ["orders"],
        "outputs": ["checked"],
        "validate_sql": ["SELECT 'order ' || id || ' has a negative amount' FROM checked WHERE amount < 0"],
    },
]
