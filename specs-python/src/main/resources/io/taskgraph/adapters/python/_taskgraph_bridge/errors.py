"""The one error the bridge reports as a spec mistake: a message written for the spec's author."""


class SpecError(Exception):
    """Something in the spec module (or its data) is wrong; ``str(error)`` says what and where."""


def closest(word, choices):
    """The valid key most like ``word`` (``output`` -> ``outputs``), or None."""
    import difflib

    found = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def suggestion(word, choices):
    hint = closest(word, choices)
    if hint:
        return "; did you mean %r?" % hint
    return "; valid keys are " + ", ".join(choices)


def a(value):
    """'a list', 'an int': the type of ``value`` with its article, for messages."""
    name = type(value).__name__
    return ("an " if name[:1].lower() in "aeiou" else "a ") + name
