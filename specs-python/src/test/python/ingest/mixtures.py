# Columns holding values of several Python types: what each mixture becomes, and which ones are warned about.
import datetime
from decimal import Decimal

UTC = datetime.timezone.utc

INPUTS = {
    # warned: stored as text
    "codes": [{"code": 1}, {"code": 2}, {"code": None}, {"code": "A7"}, {"code": 5}],
    "code_columns": {"code": [10, "B2", 30]},
    # warned: the first text comes long after the first rows (the bridge reads rows in runs of 1,024)
    "late_codes": [{"code": "Z9" if i == 2500 else i} for i in range(3000)],
    # warned: bools become 1 and 0
    "flags": [{"flag": 0}, {"flag": True}, {"flag": 1}],
    # warned: an int beyond 2**53 does not survive DOUBLE
    "measurements": [{"value": 0.5}, {"value": 2 ** 53 + 1}],
    # warned: Decimals are not exact as DOUBLE
    "rates": [{"rate": 1.5}, {"rate": Decimal("0.10")}],
    # warned: some datetimes with a time zone, some without
    "stamps": [{"at": datetime.datetime(2026, 1, 1, 9)}, {"at": datetime.datetime(2026, 1, 1, 9, tzinfo=UTC)}],
    # not warned: widening that keeps every value
    "amounts": [{"n": 1}, {"n": 2.5}, {"n": None}],
    "prices": [{"price": 0}, {"price": Decimal("12.50")}],
    "days": [{"day": datetime.date(2026, 1, 2)}, {"day": datetime.datetime(2026, 1, 3, 4, 5)}],
}

TASKS = [{"name": "noop", "prompt": "nothing", "inputs": ["codes"], "outputs": ["noop_out"]}]
