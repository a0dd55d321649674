INPUTS = {"sales": [{"id": 1}]}
RATE = 1 / 0
TASKS = []
