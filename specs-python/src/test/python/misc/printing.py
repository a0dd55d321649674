# A spec that prints while it is imported: the prints must not disturb the bridge.
import sys

print("loading the printing spec")
print("a line that looks like JSON: {\"type\": \"spec\"}")
sys.stdout.write("no newline at the end")
INPUTS = {"sales": [{"id": 1}]}
TASKS = [{"name": "a", "prompt": "p", "inputs": ["sales"], "outputs": ["a_out"]}]
