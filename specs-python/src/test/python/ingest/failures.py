# Inputs whose data is wrong in ways only ingestion can find.
def explodes():
    raise FileNotFoundError("sales.xlsx is not in the inbox")


def returns_number():
    return 42


def with_bad_row():
    return [{"id": 1}, ["not", "a", "dict"]]


def with_ordered_dict_row():
    from collections import OrderedDict

    return [{"id": 1}, {"id": 2}, OrderedDict(id=3)]


INPUTS = {
    "explodes": explodes,
    "returns_number": returns_number,
    "bad_row": with_bad_row,
    "dict_subclass_row": with_ordered_dict_row,
    "empty_undeclared": [],
    "uneven": {"a": [1, 2, 3], "b": [1, 2]},
    "missing_file": "data/nowhere.csv",
    "sheet": "data/book.xlsx",
}

TASKS = [{"name": "noop", "prompt": "nothing", "inputs": ["explodes"], "outputs": ["noop_out"]}]
