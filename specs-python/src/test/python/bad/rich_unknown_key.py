def load():
    return [{"id": 1}]


INPUTS = {"sales": {"data": load, "validate": ["SELECT 1 FROM sales WHERE id IS NULL"]}}
TASKS = [
    {"name": "a", "prompt": "p", "inputs": ["sales"], "outputs": ["a_out"]},
]
