# A spec that cannot be loaded: its run must end in the "error" state with the loader's message.
TASKS = [{"name": "orphan", "prompt": "x", "inputs": ["missing_table"], "outputs": ["orphan_view"]}]
INPUTS = {}
