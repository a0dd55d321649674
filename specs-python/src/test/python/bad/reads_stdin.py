name = input("Which month? ")
INPUTS = {}
TASKS = []
