from taskgraph import Task

INPUTS = {"sales": [{"id": 1}]}
TASKS = [
    Task(name="a", prompt="p", inputs=["sales"], outputs=["a_out"], output_column={"a_out": ["id"]}),
]
