# Every Python value type the loader maps to a DuckDB type, one input per case.
import datetime
import decimal
import uuid

TZ = datetime.timezone(datetime.timedelta(hours=2))


def all_types():
    return [
        {"i": 1, "f": 1.5, "b": True, "s": "plain", "d": datetime.date(2026, 1, 31),
         "ts": datetime.datetime(2026, 1, 31, 12, 30, 45, 123456), "dec": decimal.Decimal("12.50"),
         "n": None, "mixed_num": 1, "tags": ["a", "b"], "scores": [1, 2, 3], "meta": {"k": "v", "n": 1},
         "text": 'quote " backslash \\ newline \n tab \t unicode é ✓', "big": 2 ** 70,
         "tz": datetime.datetime(2026, 1, 31, 12, 0, tzinfo=TZ), "t": datetime.time(8, 15),
         "u": uuid.UUID("12345678-1234-5678-1234-567812345678")},
        {"i": None, "f": None, "b": False, "s": None, "d": None, "ts": None, "dec": decimal.Decimal("-1234567.125"),
         "n": None, "mixed_num": 2.25, "tags": [], "scores": None, "meta": None, "text": "", "big": -1,
         "tz": None, "t": None, "u": None},
    ]


def mixed():
    return [{"x": 1}, {"x": "two"}, {"x": None}]


def ragged():
    # rows with different keys: the union in first-seen order, missing values null
    return [{"a": 1, "b": "x"}, {"b": "y", "c": True}, {"a": 3}]


def ragged_after_the_first_rows():
    # rows are read in runs of 1,024: keys that differ only in later runs still give the union
    rows = [{"a": i} for i in range(2500)]
    rows[1500] = {"a": 1500, "b": "late"}
    rows[2200] = {"c": True}
    return rows


def parquet_types():
    # only types the bridge writes as Parquet itself: nulls, non-ASCII text, dates before 1970
    return [
        {"i": -(2 ** 63), "f": -0.0, "b": True, "s": "é✓ — naïve", "d": datetime.date(1900, 3, 1),
         "ts": datetime.datetime(1969, 12, 31, 23, 59, 59, 999999), "tz": datetime.datetime(2026, 6, 1, tzinfo=TZ)},
        {"i": None, "f": None, "b": None, "s": None, "d": None, "ts": None, "tz": None},
        {"i": 2 ** 63 - 1, "f": 1e300, "b": False, "s": "", "d": datetime.date(2262, 4, 11),
         "ts": datetime.datetime(2026, 1, 31), "tz": None},
    ]


def many_groups():
    # several Parquet row groups, with nulls and multi-byte text scattered through them
    return [{"n": None if i % 7 == 0 else i, "s": ("ü%d" % i) if i % 11 == 0 else ("s%d" % i),
             "flag": None if i % 13 == 0 else i % 2 == 0} for i in range(300_000)]


def late_non_ascii():
    # text is measured in pieces of 2,048 strings: a first non-ASCII string after the first piece
    return [{"s": "ü✓ naïve" if i == 2500 else "s%d" % i} for i in range(3000)]


def wide_text():
    # 64 rows of 200,000 characters, with a Decimal so the columnar JSON writer is used: ~12.8 MB of text
    return [{"dec": decimal.Decimal(i), "s": chr(97 + i % 26) * 200_000} for i in range(64)]


INPUTS = {
    "wide_text": wide_text,
    "parquet_types": parquet_types,
    "many_groups": many_groups,
    "late_non_ascii": late_non_ascii,
    "all_types": all_types,
    "mixed": mixed,
    "ragged": ragged,
    "ragged_late": ragged_after_the_first_rows,
    "ordered": {"data": [{"z": 1, "y": "two", "x": 3.5}, {"z": 4, "y": "five", "x": 6.5}], "columns": ["x", "y"]},
    "columns_form": {"name": ["a", "b", "c"], "score": [1.0, None, 3.5]},
    "empty_declared": {"data": [], "columns": ["id", "label"]},
    "non_finite": [{"v": float("nan")}, {"v": float("inf")}, {"v": -1.0}],
}

TASKS = [{"name": "noop", "prompt": "nothing", "inputs": list(INPUTS), "outputs": ["noop_out"]}]
