# An input large enough to be handed over in parts (the bridge writes files of 122,880 rows), and a small one.
import os

ROWS = int(os.environ.get("TASKGRAPH_TEST_ROWS", "300000"))


def load_big():
    return [{"id": i, "name": "name_%d" % i, "score": None if i % 7 == 0 else i * 0.5} for i in range(1, ROWS + 1)]


def load_small():
    return [{"id": 1, "name": "one"}, {"id": 2, "name": "two"}, {"id": 3, "name": "three"}]


INPUTS = {"big": load_big, "small": load_small}
TASKS = [{"name": "noop", "prompt": "nothing", "inputs": ["big", "small"], "outputs": ["noop_out"]}]
