INPUTS = {"sales": {"data": [{"id": 1}], "columns": "id"}}
TASKS = [
    {"name": "a", "prompt": "p", "inputs": ["sales"], "outputs": ["a_out"]},
]
