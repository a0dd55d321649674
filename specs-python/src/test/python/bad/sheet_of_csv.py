INPUTS = {
    "people": {"data": "data/people.csv", "sheet": "People"},
}
TASKS = [
    {"name": "a", "prompt": "p", "inputs": ["people"], "outputs": ["a_out"]},
]
