INPUTS = {"sales": [{"id": 1}]}
TASKS = [{"name": "a", "prompt": "p", "inputs": ["sales"], "outputs": ["a_out"]}]
EXPORTS = {"a.csv": "SELECT * FROM a_out"}
