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


def with_late_defaultdict_row():
    # past the first run of 1,024 rows that the bridge reads at once
    from collections import defaultdict

    rows = [{"id": i} for i in range(3000)]
    rows[2499] = defaultdict(int, id=2499)
    return rows


def with_late_tuple_row_after_ragged_rows():
    # the rows' keys differ early on, but a row that is no dict at all is still the error
    rows = [{"id": i} for i in range(3000)]
    rows[1] = {"other": 1}
    rows[1999] = ("not", "a", "dict")
    return rows


INPUTS = {
    "explodes": explodes,
    "returns_number": returns_number,
    "bad_row": with_bad_row,
    "dict_subclass_row": with_ordered_dict_row,
    "late_dict_subclass_row": with_late_defaultdict_row,
    "late_tuple_row": with_late_tuple_row_after_ragged_rows,
    "empty_undeclared": [],
    "uneven": {"a": [1, 2, 3], "b": [1, 2]},
    "missing_file": "data/nowhere.csv",
    "sheet": "data/book.xlsx",
}

TASKS = [{"name": "noop", "prompt": "nothing", "inputs": ["explodes"], "outputs": ["noop_out"]}]
