"""Taskgraph's Python bridge: a long-lived child of the JVM process that imports a spec module and
then, on request, materializes its inputs and runs its exports.

Protocol: one JSON object per line. Requests arrive on the *original* stdin and replies leave on the
*original* stdout (one reply per request; an input written in parts follows its reply with one "part" message
per later file, as each is complete, so the engine loads a part while the next is written), both kept for the protocol alone: fd 1 is pointed at stderr, so a spec's print() (or a
C library writing to stdout) lands on stderr, which the JVM passes through, and cannot corrupt a reply;
fd 0 is pointed at /dev/null, so a spec that reads stdin (input(), sys.stdin.read()) gets end-of-file at
once instead of waiting for a request that never comes. The bridge exits as soon as the JVM that started
it is gone, even when a spec is stuck in its import. Standard library only; Python 3.9+.
"""

import json
import os
import sys


def _protocol_streams():
    requests = os.fdopen(os.dup(0), "rb")
    out = os.fdopen(os.dup(1), "w", encoding="utf-8", newline="\n")
    nothing = os.open(os.devnull, os.O_RDONLY)
    os.dup2(nothing, 0)
    os.close(nothing)
    sys.stdin = open(os.devnull, "r")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return requests, out


def _exit_with_parent():
    """Ends this process once the JVM that started it is gone (its parent changes), whatever the spec is doing."""
    # _thread, not threading: a thread that dies with the interpreter is all this needs, and importing threading
    # costs every start a few milliseconds
    import _thread
    import time

    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    _thread.start_new_thread(watch, ())


def main():
    import signal

    # Ctrl-C reaches the whole process group; the JVM decides what stops and closes us in order.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()
    requests, replies = _protocol_streams()

    def send(message):
        replies.write(json.dumps(message, ensure_ascii=False, allow_nan=True))
        replies.write("\n")
        replies.flush()

    def receive():
        line = requests.readline()
        if not line:
            sys.exit(0)  # the JVM went away
        return json.loads(line.decode("utf-8"))

    version = sys.version_info
    send({"type": "hello", "version": "%d.%d.%d" % version[:3], "executable": sys.executable})
    if version < (3, 9):
        return
    cwd = os.getcwd()
    here = os.path.dirname(os.path.abspath(__file__))
    # The working directory first, like `python -m`: the spec's own packages win; then our `taskgraph`.
    sys.path[0:1] = [cwd, here]

    from _taskgraph_bridge import own

    session = own("session").Session(cwd, send, receive)
    while True:
        request = receive()
        if request.get("op") == "exit":
            return
        send(session.handle(request))
        for message in session.follow_up():
            send(message)
        session.collect_garbage()


if __name__ == "__main__":
    main()
