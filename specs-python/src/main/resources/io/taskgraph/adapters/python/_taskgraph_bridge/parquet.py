"""A small Parquet writer for the common column types, in the standard library only.

Why: numbers cost most of the time when rows become text (a float's repr alone is ~0.35 s per million),
and DuckDB parses text several times slower than it reads Parquet. Plain Parquet pages are just the
values' machine bytes, which struct.pack produces in C: no per-row Python work.

Scope: BIGINT (INT64), DOUBLE, BOOLEAN, VARCHAR (DELTA_LENGTH_BYTE_ARRAY), DATE (INT32 days), TIMESTAMP and
TIMESTAMPTZ (INT64 microseconds). Anything else is written by ``columnar`` instead. Uncompressed, one data
page (v1) per column per row group, nullable columns as OPTIONAL with RLE definition levels.
"""

import datetime
import struct
from functools import lru_cache
from itertools import compress, repeat
from operator import floordiv, is_not, sub

SUPPORTED = {"BIGINT", "DOUBLE", "BOOLEAN", "VARCHAR", "DATE", "TIMESTAMP", "TIMESTAMPTZ"}
# DuckDB's own row group size. When each of the file's row groups fills exactly one of the table's, DuckDB's
# parallel insert writes (and compresses) them as they are read; other sizes leave partial groups that the
# final CHECKPOINT merges and rewrites: 0.2-0.5 s more per million rows on the benchmark's six columns.
ROW_GROUP_ROWS = 122880
# A table is written as files of this many rows (see parts()): writing one file in Python and loading the one
# before it in the engine overlap, on two cores, instead of following each other.
PART_ROWS = ROW_GROUP_ROWS

# parquet.thrift enums
_BOOLEAN, _INT32, _INT64, _DOUBLE, _BYTE_ARRAY = 0, 1, 2, 5, 6
_PLAIN, _RLE, _DELTA_BINARY_PACKED, _DELTA_LENGTH_BYTE_ARRAY = 0, 3, 5, 6
_REQUIRED, _OPTIONAL = 0, 1
_UTF8, _DATE, _TIMESTAMP_MICROS = 0, 6, 10

_EPOCH_DAYS = datetime.date(1970, 1, 1).toordinal()
_EPOCH_DAYS_BIAS = struct.pack("<I", (1 << 31) - _EPOCH_DAYS)
_EPOCH = datetime.datetime(1970, 1, 1)
_EPOCH_UTC = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
_MICROSECOND = datetime.timedelta(microseconds=1)


# ---------------------------------------------------------------- Thrift compact protocol

_T_TRUE, _T_FALSE, _T_I32, _T_I64, _T_BINARY, _T_LIST, _T_STRUCT = 1, 2, 5, 6, 8, 9, 12


def _varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _zigzag(n):
    return _varint((n << 1) ^ (n >> 63))


class _Struct:
    """Fields added in increasing id order, as (id, thrift type, encoded value)."""

    def __init__(self):
        self._out = bytearray()
        self._last = 0

    def _header(self, field, kind):
        delta = field - self._last
        if 0 < delta <= 15:
            self._out.append((delta << 4) | kind)
        else:
            self._out.append(kind)
            self._out += _zigzag(field)
        self._last = field

    def i32(self, field, value):
        self._header(field, _T_I32)
        self._out += _zigzag(value)
        return self

    def i64(self, field, value):
        self._header(field, _T_I64)
        self._out += _zigzag(value)
        return self

    def boolean(self, field, value):
        self._header(field, _T_TRUE if value else _T_FALSE)
        return self

    def binary(self, field, value):
        if isinstance(value, str):
            value = value.encode("utf-8")
        self._header(field, _T_BINARY)
        self._out += _varint(len(value)) + value
        return self

    def struct(self, field, value):
        self._header(field, _T_STRUCT)
        self._out += value.bytes()
        return self

    def list(self, field, kind, items):
        self._header(field, _T_LIST)
        size = len(items)
        self._out.append((size << 4 | kind) if size < 15 else (0xF0 | kind))
        if size >= 15:
            self._out += _varint(size)
        for item in items:
            if kind == _T_STRUCT:
                self._out += item.bytes()
            elif kind == _T_BINARY:
                raw = item.encode("utf-8") if isinstance(item, str) else item
                self._out += _varint(len(raw)) + raw
            else:
                self._out += _zigzag(item)
        return self

    def bytes(self):
        return bytes(self._out) + b"\x00"


# ---------------------------------------------------------------- encodings

def _definition_levels(column):
    """(definition levels with their 4-byte length, non-null values) of a nullable column. The levels are one
    bit-packed run of the RLE/bit-packing hybrid: an RLE run per null cost two Python calls per null (~1.5 s for
    a million rows with 20% scattered nulls); bit-packing is C work whatever the nulls' pattern."""
    flags = bytes(map(is_not, column, repeat(None)))
    present = list(compress(column, flags))
    runs = _varint((len(column) + 7) // 8 << 1 | 1) + _bit_pack(flags)
    return struct.pack("<i", len(runs)) + runs, present


_BIT_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def _bit_pack(flags):
    """0/1 bytes packed eight to a byte, the first value in the lowest bit (Parquet's order for levels and
    booleans): the digits reversed are the binary numeral of a little-endian integer, which int() reads in C."""
    if not flags:
        return b""
    return int(flags.translate(_BIT_DIGITS)[::-1], 2).to_bytes((len(flags) + 7) // 8, "little")


_FLIP_SIGN = bytes(b ^ 0x80 for b in range(256))
_BLOCK_HEAD = _zigzag(-(1 << 31))
_FULL_BLOCK_HEAD = _BLOCK_HEAD + b"\x20\x20\x20\x20"


@lru_cache(maxsize=8)
def _every_field(word, count):
    """An integer whose ``count`` 32-bit little-endian fields all hold ``word`` (4 bytes): added to another such
    integer, it adds ``word`` to every field at once. Cached: a table's row groups share one or two sizes."""
    return int.from_bytes(word * count, "little")


def _delta_lengths(lengths):
    """DELTA_BINARY_PACKED lengths: blocks of 128 deltas in 4 miniblocks, all 32 bits wide, with min delta
    -2**31 so that every stored value (delta + 2**31) fits. The stored values are computed for all deltas at once
    as one integer of 32-bit fields: the lengths from the second on, minus the lengths up to the last but one,
    plus 2**31 in every field. Every field's result lies in [0, 2**32), so no field borrows from or carries into
    its neighbour, and the integer's bytes are the stored values' bytes."""
    count = len(lengths)
    out = bytearray(_varint(128) + _varint(4) + _varint(count) + _zigzag(lengths[0] if count else 0))
    if count <= 1:
        return bytes(out)
    total = count - 1
    packed = _pack("i", lengths)
    stored = (int.from_bytes(packed[4:], "little") - int.from_bytes(packed[:-4], "little")
              + _every_field(b"\x00\x00\x00\x80", total)).to_bytes(4 * total, "little")
    whole = total // 128 * 512
    if whole:
        out += _FULL_BLOCK_HEAD  # bytes slices, not memoryviews: those are garbage-collector tracked objects
        out += _FULL_BLOCK_HEAD.join([stored[start:start + 512] for start in range(0, whole, 512)])
    left = total % 128
    if left:
        miniblocks = (left + 31) // 32
        out += _BLOCK_HEAD + bytes([32] * miniblocks + [0] * (4 - miniblocks))
        out += stored[whole:]
        out += b"\x00" * ((miniblocks * 32 - left) * 4)
    return out


# Strings joined and measured per piece: the piece's string objects stay in cache from join's two passes over
# them through map(len), where a whole row group's (often scattered) strings are fetched from memory per pass.
_STRINGS_PER_PIECE = 2048


def _strings(values):
    lengths, pieces = [], []
    for start in range(0, len(values), _STRINGS_PER_PIECE):
        piece = values[start:start + _STRINGS_PER_PIECE]
        text = "".join(piece)
        if not text.isascii():  # a character's length is not its UTF-8 length: measure the encoded values
            encoded = [v.encode("utf-8") for v in values]
            data = b"".join(encoded)
            lengths = list(map(len, encoded))
            break
        pieces.append(text)
        lengths.extend(map(len, piece))
    else:
        data = "".join(pieces).encode("ascii")
    out = _delta_lengths(lengths)
    out += data
    return out


def _booleans(values):
    return _bit_pack(bytes(values))


def _days(dates):
    """Days since 1970-01-01 as INT32. The ordinals' 32-bit fields, as one integer, get 2**31 - (the epoch's ordinal)
    added in every field at once; no field leaves [0, 2**32) (ordinals are below 2**22), so each holds its days plus
    2**31, and flipping each field's top bit makes that the days' two's complement."""
    count = len(dates)
    if not count:
        return b""
    shifted = bytearray((int.from_bytes(_pack("i", list(map(datetime.date.toordinal, dates))), "little")
                         + _every_field(_EPOCH_DAYS_BIAS, count)).to_bytes(4 * count, "little"))
    shifted[3::4] = shifted[3::4].translate(_FLIP_SIGN)
    return bytes(shifted)


def _physical(sql_type, values):
    """(parquet type, encoding, page bytes) for non-null ``values`` of ``sql_type``."""
    if sql_type == "BIGINT":
        return _INT64, _PLAIN, _pack("q", values)
    if sql_type == "DOUBLE":
        return _DOUBLE, _PLAIN, _pack("d", values)
    if sql_type == "BOOLEAN":
        return _BOOLEAN, _PLAIN, _booleans(values)
    if sql_type == "VARCHAR":
        return _BYTE_ARRAY, _DELTA_LENGTH_BYTE_ARRAY, _strings(values)
    if sql_type == "DATE":
        return _INT32, _PLAIN, _days(values)
    if sql_type in ("TIMESTAMP", "TIMESTAMPTZ"):
        epoch = _EPOCH if sql_type == "TIMESTAMP" else _EPOCH_UTC
        return _INT64, _PLAIN, _pack("q", list(map(floordiv, map(sub, values, repeat(epoch)), repeat(_MICROSECOND))))
    raise ValueError("no Parquet encoding for " + sql_type)


def _pack(code, values):
    """Little-endian machine values; struct.pack with one argument per value beats array() by ~2.5x."""
    return struct.pack("<%d%s" % (len(values), code), *values)


# ---------------------------------------------------------------- schema and file

def _schema_element(name, sql_type, nullable):
    element = _Struct()
    physical = {"BIGINT": _INT64, "DOUBLE": _DOUBLE, "BOOLEAN": _BOOLEAN, "VARCHAR": _BYTE_ARRAY, "DATE": _INT32,
                "TIMESTAMP": _INT64, "TIMESTAMPTZ": _INT64}[sql_type]
    element.i32(1, physical).i32(3, _OPTIONAL if nullable else _REQUIRED).binary(4, name)
    logical = None
    if sql_type == "VARCHAR":
        element.i32(6, _UTF8)
        logical = _Struct().struct(1, _Struct())
    elif sql_type == "DATE":
        element.i32(6, _DATE)
        logical = _Struct().struct(6, _Struct())
    elif sql_type in ("TIMESTAMP", "TIMESTAMPTZ"):
        if sql_type == "TIMESTAMPTZ":
            element.i32(6, _TIMESTAMP_MICROS)
        unit = _Struct().struct(2, _Struct())
        logical = _Struct().struct(8, _Struct().boolean(1, sql_type == "TIMESTAMPTZ").struct(2, unit))
    if logical is not None:
        element.struct(10, logical)
    return element


def parts(rows):
    """(start, end) row ranges of the files a table of ``rows`` rows is written to: one row group each, so that
    the engine can load each file while the next one is written (an empty table is one empty file)."""
    return [(start, min(start + PART_ROWS, rows)) for start in range(0, rows, PART_ROWS)] or [(0, 0)]


def write(table, path, first=0, last=None):
    """Writes rows ``first``..``last`` (default: all) of a ``columnar.Table`` whose types are all in SUPPORTED as
    a Parquet file at ``path``."""
    last = table.rows if last is None else last
    nullable = table.nullable
    row_groups = []
    with open(path, "wb") as out:
        out.write(b"PAR1")
        offset = 4
        for start in range(first, last, ROW_GROUP_ROWS):
            end = min(start + ROW_GROUP_ROWS, last)
            chunks, group_bytes = [], 0
            for name, sql_type, values, optional in zip(table.names, table.types, table.values, nullable):
                part = values[start:end]
                levels = b""
                if optional:
                    levels, part = _definition_levels(part)
                physical, encoding, data = _physical(sql_type, part)
                body = levels + data
                header = _Struct().i32(1, 0).i32(2, len(body)).i32(3, len(body)).struct(
                    5, _Struct().i32(1, end - start).i32(2, encoding).i32(3, _RLE).i32(4, _RLE)).bytes()
                out.write(header)
                out.write(body)
                size = len(header) + len(body)
                meta = (_Struct().i32(1, physical).list(2, _T_I32, [encoding, _RLE]).list(3, _T_BINARY, [name])
                        .i32(4, 0).i64(5, end - start).i64(6, size).i64(7, size).i64(9, offset))
                chunks.append(_Struct().i64(2, offset).struct(3, meta))
                offset += size
                group_bytes += size
            row_groups.append(_Struct().list(1, _T_STRUCT, chunks).i64(2, group_bytes).i64(3, end - start))
        root = _Struct().binary(4, "schema").i32(5, len(table.names))
        schema = [root] + [_schema_element(n, t, o) for n, t, o in zip(table.names, table.types, nullable)]
        footer = (_Struct().i32(1, 1).list(2, _T_STRUCT, schema).i64(3, last - first)
                  .list(4, _T_STRUCT, row_groups).binary(6, "taskgraph python bridge").bytes())
        out.write(footer)
        out.write(struct.pack("<i", len(footer)))
        out.write(b"PAR1")
