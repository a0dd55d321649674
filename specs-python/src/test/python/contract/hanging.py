"""A spec whose import never finishes by itself: it waits for an event nobody sets, as a spec blocked on the
network or a lock would. Only stopping the loader ends it."""
import threading

threading.Event().wait()

INPUTS = {}
TASKS = []
