INPUTS = {"sales": [{"id": 1}]}
TASKS = [
    {"name": "a", "prompt": "p", "inputs": ["sales"], "outputs": ["a_out"]},
    {"name": "b", "prompt": "p", "inputs": ["a_out"], "outputs": ["b-out"]},
]
