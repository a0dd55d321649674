INPUTS = {"sales": {1, 2, 3}}
TASKS = [
    {"name": "a", "prompt": "p", "inputs": ["sales"], "outputs": ["a_out"]},
]
