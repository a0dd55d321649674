"""Parallel path: BENCH_TASKS independent agent tasks; the scripted model makes each run one query."""
import os

TASKS_N = int(os.environ.get("BENCH_TASKS", "2"))
PREFIX = os.environ.get("BENCH_PREFIX", "heavy")

INPUTS = {"one": lambda: [{"x": 1}]}

TASKS = [
    {
        "name": "q%d" % i,
        "prompt": "[[bench:%s_q%d]] Run the query, then build q%d_out(x)." % (PREFIX, i, i),
        "inputs": ["one"],
        "outputs": ["q%d_out" % i],
        "output_columns": {"q%d_out" % i: ["x"]},
    }
    for i in range(1, TASKS_N + 1)
]
