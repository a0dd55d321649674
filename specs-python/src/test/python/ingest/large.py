# A large list[dict] input: ROWS rows x 6 columns built by a callable (the benchmark's shape).
import os

ROWS = int(os.environ.get("TASKGRAPH_TEST_ROWS", "1000000"))


def load_rows():
    return [{"id": i, "name": "name_%d" % i, "amount": i * 1.25, "active": i % 3 == 0,
             "category": ("a", "b", "c", "d")[i % 4], "qty": i % 97} for i in range(ROWS)]


INPUTS = {"big": load_rows}
TASKS = [{"name": "noop", "prompt": "nothing", "inputs": ["big"], "outputs": ["noop_out"]}]
