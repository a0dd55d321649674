"""February's orders, same structure as January.

Rerun on January's views: taskgraph rerun jan.db -o feb.db --spec specs.orders_feb
"""
from ._orders_common import TASKS, inputs_for

INPUTS = inputs_for("orders_2026_02.csv")
