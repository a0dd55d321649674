# A loader that leaves reference cycles behind, and one that reports whether the collector has freed them since.
import gc
import weakref

FREED = []


class Node:
    pass


def leaves_cycles():
    for _ in range(3):
        node = Node()
        node.itself = node  # unreachable once the loader returns: only the cyclic collector can free it
        weakref.finalize(node, FREED.append, 1)
    return [{"id": i} for i in range(5000)]


def freed_since():
    gc.collect()
    return [{"freed": len(FREED)}]


INPUTS = {"leaves_cycles": leaves_cycles, "freed_since": freed_since}
TASKS = [{"name": "noop", "prompt": "nothing", "inputs": ["leaves_cycles"], "outputs": ["noop_out"]}]
