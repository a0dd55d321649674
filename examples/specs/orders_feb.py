"""February's orders, same structure as January.

Rerun on January's views: taskgraph rerun jan.db -o feb.db --spec specs.orders_feb
"""
from specs._orders_common import TASKS, inputs_for

INPUTS = inputs_for("data/orders_2026_02.csv")
