INPUTS = {"sales": [{"id": 1}]}
TASKS = [
    {"name": "a", "prompt": "p", "inputs": ["sales"], "outputs": ["a_out"], "validate_sql": [0]},
]
