"""January's orders. Run: taskgraph run --spec specs.orders_jan -o jan.db"""
from specs._orders_common import TASKS, inputs_for

INPUTS = inputs_for("data/orders_2026_01.csv")
