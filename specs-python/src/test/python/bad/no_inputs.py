TASKS = [{"name": "t", "prompt": "p", "outputs": ["v"]}]
