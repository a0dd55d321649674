"""DAG path: BENCH_LAYERS layers of BENCH_WIDTH agent tasks; each task reads two tasks of the layer above."""
import os

LAYERS = int(os.environ.get("BENCH_LAYERS", "6"))
WIDTH = int(os.environ.get("BENCH_WIDTH", "5"))
PREFIX = os.environ.get("BENCH_PREFIX", "dag")


def load_seed():
    return [{"k": i, "v": i * 2} for i in range(100)]


INPUTS = {"seed": load_seed}

TASKS = []
for layer in range(LAYERS):
    for j in range(WIDTH):
        name = "t%d_%d" % (layer, j)
        if layer == 0:
            inputs = ["seed"]
        else:
            inputs = sorted({"t%d_%d_out" % (layer - 1, j), "t%d_%d_out" % (layer - 1, (j + 1) % WIDTH)})
        TASKS.append({
            "name": name,
            "prompt": "[[bench:%s_%s]] Build %s_out(k, v) from %s." % (PREFIX, name, name, " and ".join(inputs)),
            "inputs": inputs,
            "outputs": [name + "_out"],
            "output_columns": {name + "_out": ["k", "v"]},
            "validate_sql": ["SELECT 'no rows' WHERE NOT EXISTS (SELECT 1 FROM %s_out)" % name],
        })
