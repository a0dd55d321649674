INPUTS = {"sales": [{"id": 1}]}
TASKS = [
    {"name": "a", "prompt": "p", "inputs": "sales", "outputs": ["a_out"]},
]
