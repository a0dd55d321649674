# A spec that prints what it finds in its environment: the loader must give it exactly the environment the
# composition root chose, plus the request's own variables, and nothing of the JVM's.
import os

for name in ("TASKGRAPH_TEST_FROM_ROOT", "TASKGRAPH_TEST_FROM_REQUEST", "HOME"):
    print(name + "=" + os.environ.get(name, "(unset)"))
INPUTS = {"sales": [{"id": 1}]}
TASKS = [{"name": "a", "prompt": "p", "inputs": ["sales"], "outputs": ["a_out"]}]
