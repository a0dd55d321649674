"""Fan-out path: task up builds up_out(k, v); BENCH_READERS tasks each build a view reading it."""
import os

READERS = int(os.environ.get("BENCH_READERS", "4"))
PREFIX = os.environ.get("BENCH_PREFIX", "costly")


def load_seed():
    return [{"k": 1}]


INPUTS = {"seed": load_seed}

TASKS = [{
    "name": "up",
    "prompt": "[[bench:%s_up]] Build up_out(k, v)." % PREFIX,
    "inputs": ["seed"],
    "outputs": ["up_out"],
    "output_columns": {"up_out": ["k", "v"]},
    "validate_sql": ["SELECT 'no rows' WHERE NOT EXISTS (SELECT 1 FROM up_out)"],
}]
for i in range(READERS):
    name = "r%d" % i
    TASKS.append({
        "name": name,
        "prompt": "[[bench:%s_%s]] Build %s_out(k, v) from up_out." % (PREFIX, name, name),
        "inputs": ["up_out"],
        "outputs": [name + "_out"],
        "output_columns": {name + "_out": ["k", "v"]},
        "validate_sql": ["SELECT 'no rows' WHERE NOT EXISTS (SELECT 1 FROM %s_out)" % name],
    })
