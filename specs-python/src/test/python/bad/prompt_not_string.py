INPUTS = {"sales": [{"id": 1}]}
TASKS = [
    {"name": "a", "prompt": ["Total", "the sales"], "inputs": ["sales"], "outputs": ["a_out"]},
]
