"""One spec module's life in the bridge: load it, then serve materialize and export requests."""

from . import own
from .errors import SpecError


class Session:
    def __init__(self, cwd, send, receive):
        self._cwd = cwd
        self._send = send
        self._receive = receive
        self._spec = None
        self._garbage = []
        self._later = ()

    def handle(self, request):
        op = request.get("op")
        try:
            if op == "load":
                return self._load(request)
            if op == "materialize":
                return self._materialize(request)
            if op == "export":
                return self._export(request)
            return {"type": "error", "kind": "internal", "message": "unknown request %r" % op}
        except Exception as e:
            return _error(e)

    def follow_up(self):
        """The messages that follow the last reply: one per later part of an input written in parts, sent as
        each file is complete, or an error in place of the part that failed (no more parts follow it)."""
        later, self._later = self._later, ()
        try:
            for path in later:
                yield {"type": "part", "file": path}
        except Exception as e:
            yield _error(e)

    def collect_garbage(self):
        """Drops the last input's data; called after its last message went out, so the engine is not kept
        waiting. What a loader built was frozen out of the cyclic collector's sight while it was written
        (sources._call); whatever of it lives on is handed back to the collector."""
        import gc

        self._garbage.clear()
        gc.unfreeze()

    def _load(self, request):
        self._spec = own("spec_reader").load(request["module"], self._cwd)
        return {"type": "spec", "spec": self._spec.description}

    def _loaded(self):
        if self._spec is None:
            raise SpecError("no spec module is loaded")
        return self._spec

    def _materialize(self, request):
        sources = own("sources")
        spec = self._loaded()
        name = request["input"]
        if name not in spec.inputs:
            raise SpecError("Spec module %s declares no input %r; its inputs are %s." % (
                spec.description["module"], name, ", ".join(sorted(spec.inputs)) or "none"))
        entry = next(i for i in spec.description["inputs"] if i["name"] == name)
        source, self._later = sources.materialize(name, spec.inputs[name], entry["columns"], entry["origin"],
                                                  request["dir"], self._cwd, self._garbage, entry.get("sheet"))
        return dict(source, type="source")

    def _export(self, request):
        from pathlib import Path

        spec = self._loaded()
        out_dir = Path(request["dir"])
        conn = own("connection").Connection(self._channel)
        results = []
        for name, fn in spec.exports.items():
            path = out_dir / name
            error = None
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                fn(conn, path)
            except BaseException as e:  # noqa: B036 - one failing export must not stop the others
                from .spec_reader import _user_frame

                error = "%s: %s%s" % (type(e).__name__, e, _user_frame(e, self._cwd))
            results.append({"name": name, "path": str(path), "error": error})
        return {"type": "exports", "results": results}

    def _channel(self, message):
        self._send(message)
        reply = self._receive()
        if reply.get("type") != "rows" and "error" not in reply:
            raise RuntimeError("unexpected reply to a SQL request: %r" % reply)
        return reply


def _error(e):
    if isinstance(e, SpecError):
        return {"type": "error", "kind": "spec", "message": str(e)}
    import traceback  # a bug in the bridge: say so, with the Python traceback for the report

    return {"type": "error", "kind": "internal", "message": "%s: %s" % (type(e).__name__, e),
            "traceback": traceback.format_exc()}
