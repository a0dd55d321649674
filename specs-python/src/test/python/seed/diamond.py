# SEED.md's diamond DAG:
#        prep
#       /    \
#   sales   costs
#       \    /
#       report
from taskgraph import Task


def load_transactions():
    return [
        {"id": 1, "kind": "sale", "product": "widget", "amount": 120.0},
        {"id": 2, "kind": "cost", "product": "widget", "amount": 45.5},
        {"id": 3, "kind": "sale", "product": "gadget", "amount": 80.0},
    ]


INPUTS = {
    "transactions": load_transactions,
    "products": {"sku": ["widget", "gadget"], "price": [12.0, 8.0]},
}

TASKS = [
    {"name": "prep", "prompt": "Split transactions into sales and costs.",
     "inputs": ["transactions"], "outputs": ["prepared_sales", "prepared_costs"]},
    {"name": "sales", "prompt": "Total sales per product.",
     "inputs": ["prepared_sales", "products"], "outputs": ["sales_summary"]},
    Task(name="costs", prompt="Total costs per product.",
         inputs=["prepared_costs"], outputs=["costs_summary"]),
    {"name": "report", "prompt": "Profit per product: sales minus costs.",
     "inputs": ["sales_summary", "costs_summary"], "outputs": ["profit_report"]},
]
