"""Line numbers of a spec's INPUTS, TASKS and EXPORTS entries, found by parsing its source.

Used to point error messages at a line (the Java side needs each task's line too, for the domain's own
checks). Never fails: a spec that builds TASKS in a loop simply gets messages without a line.
"""

# _ast (the parser's node classes, built into the interpreter) rather than ast: the ast module also imports
# contextlib and builds its helpers, a few milliseconds of every `taskgraph show` for nothing used here.
import _ast as ast


class Locations:
    def __init__(self, source):
        self._source = source
        self._parsed = None

    def _assignments(self):
        if self._parsed is None:
            self._parsed = {}
            try:
                tree = compile(self._source, "<spec>", "exec", ast.PyCF_ONLY_AST)
            except (SyntaxError, ValueError):
                return self._parsed
            for node in tree.body:
                targets = []
                if isinstance(node, ast.Assign):
                    targets = node.targets
                elif isinstance(node, ast.AnnAssign) and node.value is not None:
                    targets = [node.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        self._parsed[target.id] = node
        return self._parsed

    def of_name(self, name):
        node = self._assignments().get(name)
        return node.lineno if node is not None else None

    def of_item(self, name, index):
        """Line of element ``index`` of a literal list assigned to ``name`` (e.g. TASKS[2])."""
        node = self._assignments().get(name)
        value = getattr(node, "value", None)
        if isinstance(value, (ast.List, ast.Tuple)) and 0 <= index < len(value.elts):
            return value.elts[index].lineno
        return self.of_name(name)

    def of_key(self, name, key):
        """Line of key ``key`` in a literal dict assigned to ``name`` (e.g. INPUTS["sales"])."""
        node = self._assignments().get(name)
        value = getattr(node, "value", None)
        if isinstance(value, ast.Dict):
            for k in value.keys:
                if isinstance(k, ast.Constant) and k.value == key:
                    return k.lineno
        return self.of_name(name)
