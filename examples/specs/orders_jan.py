"""January's orders. Run: taskgraph run --spec specs.orders_jan -o jan.db"""
from ._orders_common import TASKS, inputs_for

INPUTS = inputs_for("orders_2026_01.csv")
